import { describe, expect, test } from '@jest/globals';
import type { Command } from './commands.js';
import { refused, reportedAt, retraction, when } from './testing/decide-harness.js';
import { INCIDENT_ID, statement, wire } from './testing/samples.js';

describe('RetractClaim', () => {
  const retract: Command = {
    type: 'RetractClaim',
    incidentId: INCIDENT_ID,
    claimId: 'c1',
    attribution: wire,
    reportedAt,
    reason: 'withdrawn',
  };

  test('records the retraction', () => {
    expect(when(retract, statement('c1'))).toEqual([retraction('c1')]);
  });

  test('the claim must exist and not be retracted already', () => {
    refused(retract, [], 'claim_not_found');
    refused(retract, [statement('c1'), retraction('c1')], 'claim_retracted');
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
