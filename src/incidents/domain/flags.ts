/**
 * A claim's flags and the state they imply (API.md, "Claims: every state at once"). Pure; the
 * fold calls these at the few places a flag can change.
 */
import type { ClaimState } from './state.js';
import type { ClaimFlag, ClaimStateName } from './view-types.js';

/** Every flag, in the order a claim lists them. */
export const CLAIM_FLAGS = [
  'revised',
  'corrected',
  'disputed',
  'retracted',
] as const satisfies readonly ClaimFlag[];

/** Strongest first: the state is the first of these the claim is flagged with. */
const DOMINANCE = ['retracted', 'disputed', 'corrected', 'revised'] as const satisfies readonly (
  ClaimFlag | ClaimStateName
)[];

export function dominantState(flags: readonly ClaimFlag[]): ClaimStateName {
  return DOMINANCE.find((flag) => flags.includes(flag)) ?? 'active';
}

/** The claim with `flag` set (or cleared), its state following. */
export function withFlag(claim: ClaimState, flag: ClaimFlag, on = true): ClaimState {
  const flags = CLAIM_FLAGS.filter((f) => (f === flag ? on : claim.flags.includes(f)));
  return { ...claim, flags, state: dominantState(flags) };
}

/** Whether a claim counts as disputed: at least one of its disputers is not retracted. */
export function isDisputed(claim: ClaimState, claims: readonly ClaimState[]): boolean {
  return claim.disputedBy.some((id) => {
    const by = claims.find((other) => other.claimId === id);
    return by !== undefined && !by.flags.includes('retracted');
  });
}

/**
 * After `claimId` is retracted (or disputes it), the claims it disputes are disputed only while
 * another live claim disputes them.
 */
export function settleDisputes(claims: ClaimState[], claimId: string): ClaimState[] {
  return claims.map((claim) =>
    claim.disputedBy.includes(claimId)
      ? withFlag(claim, 'disputed', isDisputed(claim, claims))
      : claim,
  );
}
