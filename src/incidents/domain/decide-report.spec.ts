import { describe, expect, test } from '@jest/globals';
import type { Command } from './commands.js';
import type { Figure } from './events.js';
import { NOW, refused, reportedAt, when } from './testing/decide-harness.js';
import { INCIDENT_ID, outlet, statement, wire } from './testing/samples.js';
import { REPORTED_AT_CLOCK_SKEW_MS } from './validate.js';

const id = INCIDENT_ID;

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
