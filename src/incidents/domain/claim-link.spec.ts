import { describe, expect, test } from '@jest/globals';
import type { Command } from './commands.js';
import type { IncidentEvent } from './events.js';
import { refused, retraction, when } from './testing/decide-harness.js';
import { INCIDENT_ID, statement } from './testing/samples.js';

const id = INCIDENT_ID;
const both = [statement('c1'), statement('c2')];

describe('DisputeClaim', () => {
  test('records that one claim disputes another', () => {
    const dispute: Command = {
      type: 'DisputeClaim',
      incidentId: id,
      claimId: 'c1',
      disputedByClaimId: 'c2',
      note: 'militia, not army',
    };
    expect(when(dispute, ...both)).toEqual([
      {
        type: 'ClaimDisputed',
        data: { claimId: 'c1', disputedByClaimId: 'c2', note: 'militia, not army' },
      },
    ]);
  });
});

describe('SupportClaim', () => {
  const support: Command = {
    type: 'SupportClaim',
    incidentId: id,
    claimId: 'c1',
    supportedByClaimId: 'c2',
    note: ' same account ',
  };

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
});

/** A dispute and a support link "claim X" to "claim Y" under the same rules. */
describe.each([
  {
    link: (claimId: string, by: string): Command => ({
      type: 'DisputeClaim',
      incidentId: id,
      claimId,
      disputedByClaimId: by,
    }),
    linked: (claimId: string, by: string): IncidentEvent => ({
      type: 'ClaimDisputed',
      data: { claimId, disputedByClaimId: by },
    }),
    field: 'disputedByClaimId',
    self: 'claim_self_dispute',
    exists: 'dispute_exists',
  },
  {
    link: (claimId: string, by: string): Command => ({
      type: 'SupportClaim',
      incidentId: id,
      claimId,
      supportedByClaimId: by,
    }),
    linked: (claimId: string, by: string): IncidentEvent => ({
      type: 'ClaimSupported',
      data: { claimId, supportedByClaimId: by },
    }),
    field: 'supportedByClaimId',
    self: 'claim_self_support',
    exists: 'support_exists',
  },
] as const)('a link by $field', ({ link, linked, field, self, exists }) => {
  test('both claims must exist (404)', () => {
    refused(link('c1', 'c2'), [statement('c2')], 'claim_not_found', 'claimId');
    refused(link('c1', 'c2'), [statement('c1')], 'claim_not_found', field);
  });

  test('a claim cannot link to itself', () => {
    refused(link('c1', 'c1'), [statement('c1')], self, field);
  });

  test('neither claim may be retracted (409)', () => {
    refused(link('c1', 'c2'), [...both, retraction('c1')], 'claim_retracted', 'claimId');
    refused(link('c2', 'c1'), [...both, retraction('c1')], 'claim_retracted', field);
  });

  test('the same link is recorded once; the other direction is a new link', () => {
    refused(link('c1', 'c2'), [...both, linked('c1', 'c2')], exists, field);
    expect(when(link('c2', 'c1'), ...both, linked('c1', 'c2'))).toEqual([linked('c2', 'c1')]);
  });
});
