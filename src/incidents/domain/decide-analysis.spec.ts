import { describe, expect, test } from '@jest/globals';
import type { AssessCasualties, Command } from './commands.js';
import { decide } from './decide.js';
import type { IncidentEvent } from './events.js';
import { expectRefusal } from './testing/expect-refusal.js';
import { Recorder } from './testing/recorder.js';
import { INCIDENT_ID, casualties, opened, statement, wire } from './testing/samples.js';

const NOW = new Date('2017-05-18T21:00:00Z');
const id = INCIDENT_ID;
const retract = (claimId: string): IncidentEvent => ({
  type: 'ClaimRetracted',
  data: { claimId, attribution: wire, reportedAt: '2017-05-18T20:00:00.000Z', reason: 'no' },
});

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

describe('SupportClaim', () => {
  const support: Command = {
    type: 'SupportClaim',
    incidentId: id,
    claimId: 'c1',
    supportedByClaimId: 'c2',
    note: ' same account ',
  };
  const both = [statement('c1'), statement('c2')];

  test('records ClaimSupported with the trimmed note, and reportedAt only when given', () => {
    expect(when(support, ...both)).toEqual([
      {
        type: 'ClaimSupported',
        data: { claimId: 'c1', supportedByClaimId: 'c2', note: 'same account' },
      },
    ]);
    const dated = when({ ...support, reportedAt: '2017-05-18T18:00:00+01:00' }, ...both);
    expect(dated[0]?.data).toMatchObject({ reportedAt: '2017-05-18T17:00:00.000Z' });
  });

  test('refuses itself (claim_self_support), twice, unknown and retracted claims', () => {
    const self = { ...support, supportedByClaimId: 'c1' };
    refused(self, both, 'claim_self_support', 'supportedByClaimId');
    const supported: IncidentEvent = {
      type: 'ClaimSupported',
      data: { claimId: 'c1', supportedByClaimId: 'c2' },
    };
    refused(support, [...both, supported], 'support_exists', 'supportedByClaimId');
    refused(support, [statement('c1')], 'claim_not_found', 'supportedByClaimId');
    refused({ ...support, claimId: 'c9' }, both, 'claim_not_found', 'claimId');
    refused(support, [...both, retract('c2')], 'claim_retracted', 'supportedByClaimId');
    refused(support, [...both, retract('c1')], 'claim_retracted', 'claimId');
  });
});

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
    refused(assess, [...figures, retract('b')], 'claim_retracted', 'basis[1]');
    refused({ ...assess, group: 'civilians' }, figures, 'no_casualty_figures', 'group');
    refused({ ...assess, measure: 'injured' }, figures, 'no_casualty_figures', 'group');
  });
});
