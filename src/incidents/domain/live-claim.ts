import { DomainError } from './errors.js';
import { findClaim, type ClaimState, type IncidentState } from './state.js';

/** The referenced claim: it exists in this incident and is not retracted. */
export function liveClaim(state: IncidentState, claimId: string, field = 'claimId'): ClaimState {
  const claim = findClaim(state, claimId);
  if (!claim) {
    throw new DomainError('claim_not_found', `no claim ${claimId} in this incident`, field);
  }
  if (claim.state === 'retracted') {
    throw new DomainError('claim_retracted', `claim ${claimId} was retracted`, field);
  }
  return claim;
}
