/**
 * A claim's flags, the state they imply and its corroboration (API.md, "Claims: every state at
 * once, support and corroboration"). Pure; both folds (evolve, IncidentFold) call these at the
 * few places a flag can change: `disputed` and `supported` hold while a non-retracted claim
 * disputes or supports the claim, and corroboration follows the supporters' attributions.
 */
import { corroborationOf } from './corroboration.js';
import { deepEqual } from './equal.js';
import type { ClaimState } from './state.js';
import type { ClaimFlag, ClaimStateName } from './view-types.js';

/** Every flag, in the order a claim lists them. */
export const CLAIM_FLAGS = [
  'revised',
  'corrected',
  'disputed',
  'supported',
  'retracted',
] as const satisfies readonly ClaimFlag[];

/** Strongest first: the state is the first of these the claim is flagged with (`supported` is a flag only). */
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

const anyLive = (ids: readonly string[], find: ClaimLookup) =>
  ids.some((id) => {
    const by = find(id);
    return by !== undefined && !by.flags.includes('retracted');
  });

/**
 * The claim with `disputed`, `supported` and `corroboration` as its disputers and supporters
 * stand now; the same object when nothing changed.
 */
export function settledClaim(claim: ClaimState, find: ClaimLookup): ClaimState {
  let settled = claim;
  const disputed = anyLive(claim.disputedBy, find);
  if (disputed !== settled.flags.includes('disputed')) {
    settled = withFlag(settled, 'disputed', disputed);
  }
  const supported = anyLive(claim.supportedBy, find);
  if (supported !== settled.flags.includes('supported')) {
    settled = withFlag(settled, 'supported', supported);
  }
  const corroboration = corroborationOf(settled, find);
  if (!deepEqual(corroboration, settled.corroboration)) settled = { ...settled, corroboration };
  return settled;
}

/** Whether `claim` depends on `otherId` (it is disputed or supported by it). */
export function dependsOn(claim: ClaimState, otherId: string): boolean {
  return claim.disputedBy.includes(otherId) || claim.supportedBy.includes(otherId);
}

/**
 * After `changedId` changed: the claims it disputes or supports, settled (each [index, new
 * claim]). A scan of the claims (evolve's single steps; IncidentFold keeps an index instead).
 */
export function settleDependents(
  claims: readonly ClaimState[],
  changedId: string,
  find: ClaimLookup,
): [number, ClaimState][] {
  const changed: [number, ClaimState][] = [];
  claims.forEach((claim, at) => {
    if (claim.claimId === changedId || !dependsOn(claim, changedId)) return;
    const settled = settledClaim(claim, find);
    if (settled !== claim) changed.push([at, settled]);
  });
  return changed;
}
