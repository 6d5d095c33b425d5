import { describe, expect, test } from '@jest/globals';
import type { Command } from './commands.js';
import type { Figure } from './events.js';
import { refused, reportedAt, retraction, when } from './testing/decide-harness.js';
import { INCIDENT_ID, casualties, outlet, statement, wire } from './testing/samples.js';

const id = INCIDENT_ID;

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
    refused(revise({ text: 'x' }), [statement('c1'), retraction('c1')], 'claim_retracted');
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
    refused(correct({ text: 'x' }), [statement('c1'), retraction('c1')], 'claim_retracted');
    refused(
      correct({ claimId: 'f1', text: 'x' }),
      [casualties('f1', [1, 1])],
      'claim_kind_mismatch',
    );
  });
});
