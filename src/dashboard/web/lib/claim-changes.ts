import type { ClaimView, IncidentView } from '../api/api-types.js';

/** One field of a claim that differs between two versions. */
export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change with every event; they say nothing a reader needs here. */
const IGNORED = new Set(['versions', 'updatedAt', 'claimId', 'kind', 'recordedAt']);

/** The fields that differ between two versions of a claim (every field when there is no before). */
export function diffClaim(before: ClaimView | undefined, after: ClaimView): FieldDiff[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const diffs: FieldDiff[] = [];
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const was = (before as Record<string, unknown> | undefined)?.[field];
    const is = (after as Record<string, unknown>)[field];
    if (JSON.stringify(was) !== JSON.stringify(is)) diffs.push({ field, before: was, after: is });
  }
  return diffs;
}

export type ClaimChange = 'new' | 'changed';

/** Claims of `view` that are new or changed since `previous` (the replay's previous step). */
export function changedClaims(
  previous: IncidentView | undefined,
  view: IncidentView,
): Map<string, ClaimChange> {
  const changes = new Map<string, ClaimChange>();
  if (!previous) return changes;
  const before = new Map(previous.claims.map((claim) => [claim.claimId, claim]));
  for (const claim of view.claims) {
    const was = before.get(claim.claimId);
    if (!was) changes.set(claim.claimId, 'new');
    else if (diffClaim(was, claim).length > 0 || was.versions !== claim.versions) {
      changes.set(claim.claimId, 'changed');
    }
  }
  return changes;
}
