/**
 * A claim's flags and the state they imply (API.md, "Claims: every state at once"). Pure; both
 * folds (evolve, IncidentFold) call these at the few places a flag can change. A `supported`
 * flag would follow `disputed`: set while a live claim supports the claim.
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

export type ClaimLookup = (claimId: string) => ClaimState | undefined;

export function dominantState(flags: readonly ClaimFlag[]): ClaimStateName {
  return DOMINANCE.find((flag) => flags.includes(flag)) ?? 'active';
}

/** The claim with `flag` set (or cleared), its state following. */
export function withFlag(claim: ClaimState, flag: ClaimFlag, on = true): ClaimState {
  const flags = CLAIM_FLAGS.filter((f) => (f === flag ? on : claim.flags.includes(f)));
  return { ...claim, flags, state: dominantState(flags) };
}

/** The claim with `disputed` set while at least one of its disputers is not retracted. */
export function disputedFlag(claim: ClaimState, find: ClaimLookup): ClaimState {
  const live = claim.disputedBy.some((id) => {
    const by = find(id);
    return by !== undefined && !by.flags.includes('retracted');
  });
  return live === claim.flags.includes('disputed') ? claim : withFlag(claim, 'disputed', live);
}

/**
 * After `retractedId` is retracted: the claims it disputed, settled (each [index, new claim]).
 * A scan of the claims, on retractions only.
 */
export function settleDisputes(
  claims: readonly ClaimState[],
  retractedId: string,
  find: ClaimLookup,
): [number, ClaimState][] {
  const changed: [number, ClaimState][] = [];
  claims.forEach((claim, at) => {
    if (!claim.disputedBy.includes(retractedId)) return;
    const settled = disputedFlag(claim, find);
    if (settled !== claim) changed.push([at, settled]);
  });
  return changed;
}
