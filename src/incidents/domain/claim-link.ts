import { DomainError, type DomainErrorCode } from './errors.js';
import { liveClaim } from './live-claim.js';
import type { ClaimReader } from './incident-fold.js';
import type { ClaimState } from './state.js';

/** A link from one claim to another that bears on it: a dispute, or its mirror, a support. */
export type ClaimLink = 'dispute' | 'support';

/** What tells the two apart: the field naming the other claim, its list in the claim, codes, words. */
const LINKS: Record<
  ClaimLink,
  {
    field: 'disputedByClaimId' | 'supportedByClaimId';
    self: DomainErrorCode;
    exists: DomainErrorCode;
    past: string;
    list: 'disputedBy' | 'supportedBy';
  }
> = {
  dispute: {
    field: 'disputedByClaimId',
    self: 'claim_self_dispute',
    exists: 'dispute_exists',
    past: 'disputed',
    list: 'disputedBy',
  },
  support: {
    field: 'supportedByClaimId',
    self: 'claim_self_support',
    exists: 'support_exists',
    past: 'supported',
    list: 'supportedBy',
  },
};

/**
 * The two claims of "claim `claimId` is disputed (or supported) by claim `byClaimId`": both live
 * in this incident, not the same claim, and not so linked already.
 */
export function linkedClaims(
  link: ClaimLink,
  claims: ClaimReader,
  claimId: string,
  byClaimId: string,
): [claim: ClaimState, by: ClaimState] {
  const { field, self, exists, past, list } = LINKS[link];
  const claim = liveClaim(claims, claimId);
  const by = liveClaim(claims, byClaimId, field);
  if (by.claimId === claim.claimId) {
    throw new DomainError(self, `a claim cannot ${link} itself`, field);
  }
  if (claim[list].includes(by.claimId)) {
    throw new DomainError(
      exists,
      `claim ${claim.claimId} is already ${past} by ${by.claimId}`,
      field,
    );
  }
  return [claim, by];
}
