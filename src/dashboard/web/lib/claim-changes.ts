import type { ClaimView, IncidentView } from '../api/api-types.js';
import { AUDITED_FIELDS, isEmpty } from './claim-fields.js';

/** One field of a claim that differs between two versions. */
export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The audited fields that differ between two versions of a claim; with no before (the first
 * report), every field that has a value. Bookkeeping (version count, times) is left out.
 */
export function diffClaim(before: ClaimView | undefined, after: ClaimView): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of AUDITED_FIELDS) {
    const was = before?.[field];
    const is = after[field];
    if (!before && isEmpty(is)) continue;
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
