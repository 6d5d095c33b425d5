import { describe, expect, test } from '@jest/globals';
import type { AssessCasualties } from './commands.js';
import { refused, retraction, when } from './testing/decide-harness.js';
import { INCIDENT_ID, casualties } from './testing/samples.js';

const id = INCIDENT_ID;

describe('AssessCasualties', () => {
  const assess: AssessCasualties = {
    type: 'AssessCasualties',
    incidentId: id,
    measure: 'killed',
    group: ' Militia ',
    low: 2,
    best: 5,
    high: 8,
    basis: ['a', 'b', 'a'],
    reason: ' counts agree ',
  };
  const figures = [casualties('a', [2, 4]), casualties('b', [6, 8])];

  test('records the estimate: group and reason trimmed, basis without repeats', () => {
    expect(when(assess, ...figures)).toEqual([
      {
        type: 'CasualtyEstimateAssessed',
        data: {
          measure: 'killed',
          group: 'Militia',
          low: 2,
          best: 5,
          high: 8,
          basis: ['a', 'b'],
          reason: 'counts agree',
        },
      },
    ]);
    expect(when({ ...assess, low: 5, high: null }, ...figures)[0]?.data).toMatchObject({
      low: 5,
      best: 5,
      high: null,
    });
  });

  test('refuses low > best, best > high, fractions and an empty basis (invalid_value)', () => {
    refused({ ...assess, low: 6 }, figures, 'invalid_value', 'best');
    refused({ ...assess, high: 4 }, figures, 'invalid_value', 'high');
    refused({ ...assess, low: 1.5 }, figures, 'invalid_value', 'low');
    refused({ ...assess, basis: [] }, figures, 'invalid_value', 'basis');
  });

  test('refuses an unknown or retracted basis claim, and a group no live figure reports', () => {
    refused({ ...assess, basis: ['a', 'zz'] }, figures, 'claim_not_found', 'basis[1]');
    refused(assess, [...figures, retraction('b')], 'claim_retracted', 'basis[1]');
    refused({ ...assess, group: 'civilians' }, figures, 'no_casualty_figures', 'group');
    refused({ ...assess, measure: 'injured' }, figures, 'no_casualty_figures', 'group');
  });
});
