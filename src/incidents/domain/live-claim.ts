import { DomainError } from './errors.js';
import type { ClaimReader } from './incident-fold.js';
import type { ClaimState } from './state.js';

/** The referenced claim: it exists in this incident and is not retracted. */
export function liveClaim(claims: ClaimReader, claimId: string, field = 'claimId'): ClaimState {
  const claim = claims.claim(claimId);
  if (!claim) {
    throw new DomainError('claim_not_found', `no claim ${claimId} in this incident`, field);
  }
  if (claim.state === 'retracted') {
    throw new DomainError('claim_retracted', `claim ${claimId} was retracted`, field);
  }
  return claim;
}
