import { describe, expect, test } from '@jest/globals';
import type { Command } from './commands.js';
import { decide } from './decide.js';
import type { Figure, IncidentEvent } from './events.js';
import { expectRefusal } from './testing/expect-refusal.js';
import { Recorder } from './testing/recorder.js';
import { INCIDENT_ID, casualties, opened, outlet, statement, wire } from './testing/samples.js';
import { REPORTED_AT_CLOCK_SKEW_MS } from './validate.js';

const NOW = new Date('2017-05-18T21:00:00Z');
const id = INCIDENT_ID;
const reportedAt = '2017-05-18T20:00:00.000Z';
const retracted: IncidentEvent = {
  type: 'ClaimRetracted',
  data: { claimId: 'c1', attribution: wire, reportedAt, reason: 'withdrawn' },
};

function given(...events: IncidentEvent[]) {
  const recorder = new Recorder();
  recorder.record(opened, ...events);
  return recorder.state;
}
const when = (command: Command, ...events: IncidentEvent[]) =>
  decide(command, given(...events), NOW);
const refused = (
  command: Command,
  events: IncidentEvent[],
  code: Parameters<typeof expectRefusal>[1],
  field?: string,
) => expectRefusal(() => when(command, ...events), code, field);

describe('ReportStatement', () => {
  const command: Command = {
    type: 'ReportStatement',
    incidentId: id,
    claimId: 'c1',
    text: ' The coalition struck. ',
    topic: 'target',
    attribution: wire,
    reportedAt: '2017-05-18T17:30:00+02:00',
    url: 'https://example.org/a',
  };

  test('records the statement, paraphrase by default, reportedAt in UTC', () => {
    expect(when(command)).toEqual([
      {
        type: 'StatementReported',
        data: {
          claimId: 'c1',
          text: 'The coalition struck.',
          quoted: 'paraphrase',
          topic: 'target',
          attribution: wire,
          reportedAt: '2017-05-18T15:30:00.000Z',
          url: 'https://example.org/a',
        },
      },
    ]);
  });

  test('a claim id is used once per incident (409)', () => {
    refused(command, [statement('c1')], 'claim_exists', 'claimId');
  });

  test('reportedAt may be ahead of the clock by the skew, not more', () => {
    const edge = new Date(NOW.getTime() + REPORTED_AT_CLOCK_SKEW_MS).toISOString();
    expect(when({ ...command, reportedAt: edge })[0]?.type).toBe('StatementReported');
    const late = new Date(NOW.getTime() + REPORTED_AT_CLOCK_SKEW_MS + 1000).toISOString();
    refused({ ...command, reportedAt: late }, [], 'reported_in_future', 'reportedAt');
  });

  test.each([
    [{ reportedAt: 'soon' }, 'invalid_time', 'reportedAt'],
    [{ text: '  ' }, 'invalid_value', 'text'],
    [{ attribution: [] }, 'invalid_attribution', 'attribution'],
    [{ attribution: [{ name: ' ', kind: 'wire' }] }, 'invalid_attribution', 'attribution[0].name'],
    [{ attribution: [{ name: 'X', kind: 'blog' }] }, 'invalid_attribution', 'attribution[0].kind'],
    [{ topic: 'weather' }, 'invalid_value', 'topic'],
    [{ quoted: 'loosely' }, 'invalid_value', 'quoted'],
  ] as const)('refuses %j', (patch, code, field) => {
    refused({ ...command, ...patch } as Command, [], code, field);
  });
});

describe('ReportCasualtyFigures', () => {
  const figures: Figure[] = [
    { measure: 'killed', group: 'militia', min: 6, max: 6 },
    { measure: 'injured', group: 'militia', min: 3, max: null, wording: 'at least' },
  ];
  const command: Command = {
    type: 'ReportCasualtyFigures',
    incidentId: id,
    claimId: 'f1',
    attribution: outlet,
    reportedAt,
    figures,
  };

  test('records the figures (max null: no upper bound)', () => {
    expect(when(command)).toEqual([
      {
        type: 'CasualtyFiguresReported',
        data: { claimId: 'f1', attribution: outlet, reportedAt, figures },
      },
    ]);
  });

  test('a claim id is used once per incident, whatever its kind', () => {
    refused(command, [statement('f1')], 'claim_exists');
  });

  test.each([
    [[], 'figures'],
    [[{ measure: 'killed', group: 'g', min: 3, max: 2 }], 'figures[0].max'],
    [[{ measure: 'killed', group: 'g', min: -1, max: 2 }], 'figures[0].min'],
    [[{ measure: 'killed', group: 'g', min: 1.5, max: 2 }], 'figures[0].min'],
    [[{ measure: 'killed', group: 'g', min: 1, max: 2.5 }], 'figures[0].max'],
    [[{ measure: 'dead', group: 'g', min: 1, max: 1 }], 'figures[0].measure'],
    [[{ measure: 'killed', group: '', min: 1, max: 1 }], 'figures[0].group'],
    [
      [
        { measure: 'killed', group: 'g', min: 1, max: 1 },
        { measure: 'killed', group: 'g', min: 2, max: 2 },
      ],
      'figures[1].group',
    ],
  ])('invalid figures are refused: %j', (bad, field) => {
    refused({ ...command, figures: bad } as Command, [], 'invalid_figures', field);
  });

  test('reportedAt must not be in the future', () => {
    refused({ ...command, reportedAt: '2017-05-19T00:00:00Z' }, [], 'reported_in_future');
  });
});

describe('ReviseClaim', () => {
  const revise = (patch: object): Command => ({
    type: 'ReviseClaim',
    incidentId: id,
    claimId: 'c1',
    attribution: wire,
    reportedAt,
    ...patch,
  });

  test('the source rewords a statement', () => {
    expect(when(revise({ text: 'New wording', note: 'updated story' }), statement('c1'))).toEqual([
      {
        type: 'ClaimRevisedBySource',
        data: {
          claimId: 'c1',
          text: 'New wording',
          attribution: wire,
          reportedAt,
          note: 'updated story',
        },
      },
    ]);
  });

  test('the source revises its figures', () => {
    const figures: Figure[] = [{ measure: 'killed', group: 'militia', min: 7, max: 7 }];
    const command = revise({ claimId: 'f1', figures, attribution: outlet });
    expect(when(command, casualties('f1', [6, 6]))).toEqual([
      {
        type: 'ClaimRevisedBySource',
        data: { claimId: 'f1', figures, attribution: outlet, reportedAt },
      },
    ]);
  });

  test('the claim must exist in this incident (404)', () => {
    refused(revise({ text: 'x' }), [statement('c2')], 'claim_not_found', 'claimId');
  });

  test('a retracted claim cannot be revised (409)', () => {
    refused(revise({ text: 'x' }), [statement('c1'), retracted], 'claim_retracted');
  });

  test('text only for statements, figures only for casualties', () => {
    const figures: Figure[] = [{ measure: 'killed', group: 'g', min: 1, max: 1 }];
    refused(revise({ figures }), [statement('c1')], 'claim_kind_mismatch', 'figures');
    refused(
      revise({ claimId: 'f1', text: 'x' }),
      [casualties('f1', [1, 1])],
      'claim_kind_mismatch',
      'text',
    );
  });

  test('a revision that repeats the claim is refused', () => {
    refused(revise({ text: 'Text of c1' }), [statement('c1')], 'nothing_to_change');
    refused(revise({}), [statement('c1')], 'nothing_to_change');
  });

  test('a new relay alone is a revision', () => {
    const attribution = [...wire, { name: 'AFP', kind: 'wire' }];
    expect(when(revise({ attribution }), statement('c1'))[0]?.type).toBe('ClaimRevisedBySource');
  });

  test('revised figures are checked and reportedAt is bounded', () => {
    const bad = [{ measure: 'killed', group: 'g', min: 2, max: 1 }];
    refused(revise({ claimId: 'f1', figures: bad }), [casualties('f1', [1, 1])], 'invalid_figures');
    refused(
      revise({ text: 'x', reportedAt: '2017-05-19T00:00:00Z' }),
      [statement('c1')],
      'reported_in_future',
    );
  });
});

describe('CorrectClaim', () => {
  const correct = (patch: object): Command => ({
    type: 'CorrectClaim',
    incidentId: id,
    claimId: 'c1',
    reason: 'transcription error',
    ...patch,
  });

  test('records only the corrected fields that differ, with the reason', () => {
    const attribution = [
      { name: 'unnamed US defense official', kind: 'official' as const },
      wire[1],
    ];
    expect(when(correct({ text: 'Text of c1', attribution }), statement('c1'))).toEqual([
      {
        type: 'ClaimCorrected',
        data: { claimId: 'c1', attribution, reason: 'transcription error' },
      },
    ]);
  });

  test('corrects figures of a casualties claim', () => {
    const figures: Figure[] = [{ measure: 'killed', group: 'militia', min: 5, max: 5 }];
    expect(when(correct({ claimId: 'f1', figures }), casualties('f1', [6, 6]))).toEqual([
      { type: 'ClaimCorrected', data: { claimId: 'f1', figures, reason: 'transcription error' } },
    ]);
  });

  test('a correction needs a reason and a change', () => {
    refused(correct({ text: 'x', reason: '' }), [statement('c1')], 'invalid_value', 'reason');
    refused(correct({ text: 'Text of c1' }), [statement('c1')], 'nothing_to_change');
    refused(correct({}), [statement('c1')], 'nothing_to_change');
  });

  test('the claim must exist, be live and be of the right kind', () => {
    refused(correct({ text: 'x' }), [], 'claim_not_found');
    refused(correct({ text: 'x' }), [statement('c1'), retracted], 'claim_retracted');
    refused(
      correct({ claimId: 'f1', text: 'x' }),
      [casualties('f1', [1, 1])],
      'claim_kind_mismatch',
    );
  });
});

describe('DisputeClaim', () => {
  const dispute = (claimId: string, by: string): Command => ({
    type: 'DisputeClaim',
    incidentId: id,
    claimId,
    disputedByClaimId: by,
    note: 'militia, not army',
  });

  test('records that one claim disputes another', () => {
    expect(when(dispute('c1', 'c2'), statement('c1'), statement('c2'))).toEqual([
      {
        type: 'ClaimDisputed',
        data: { claimId: 'c1', disputedByClaimId: 'c2', note: 'militia, not army' },
      },
    ]);
  });

  test('both claims must exist (404)', () => {
    refused(dispute('c1', 'c2'), [statement('c2')], 'claim_not_found', 'claimId');
    refused(dispute('c1', 'c2'), [statement('c1')], 'claim_not_found', 'disputedByClaimId');
  });

  test('a claim cannot dispute itself', () => {
    refused(dispute('c1', 'c1'), [statement('c1')], 'claim_self_dispute', 'disputedByClaimId');
  });

  test('neither claim may be retracted (409)', () => {
    refused(
      dispute('c1', 'c2'),
      [statement('c1'), statement('c2'), retracted],
      'claim_retracted',
      'claimId',
    );
    refused(
      dispute('c2', 'c1'),
      [statement('c1'), statement('c2'), retracted],
      'claim_retracted',
      'disputedByClaimId',
    );
  });

  test('the same dispute is recorded once', () => {
    const disputed: IncidentEvent = {
      type: 'ClaimDisputed',
      data: { claimId: 'c1', disputedByClaimId: 'c2' },
    };
    refused(dispute('c1', 'c2'), [statement('c1'), statement('c2'), disputed], 'dispute_exists');
  });
});

describe('RetractClaim', () => {
  const retract: Command = {
    type: 'RetractClaim',
    incidentId: id,
    claimId: 'c1',
    attribution: wire,
    reportedAt,
    reason: 'withdrawn',
  };

  test('records the retraction', () => {
    expect(when(retract, statement('c1'))).toEqual([retracted]);
  });

  test('the claim must exist and not be retracted already', () => {
    refused(retract, [], 'claim_not_found');
    refused(retract, [statement('c1'), retracted], 'claim_retracted');
  });

  test('a retraction needs a reason, a source and a sane reportedAt', () => {
    refused({ ...retract, reason: ' ' }, [statement('c1')], 'invalid_value', 'reason');
    refused({ ...retract, attribution: [] }, [statement('c1')], 'invalid_attribution');
    refused(
      { ...retract, reportedAt: '2017-05-18T21:05:01Z' },
      [statement('c1')],
      'reported_in_future',
    );
  });
});
