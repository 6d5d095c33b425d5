/**
 * Folding a few events onto the view at a revision as the version rows hold it, without parsing
 * every claim: only the claims the events are about, and every claim linked to those (disputes
 * and supports, both ways, transitively), go into the fold, so every claim a step looks up or
 * settles is in it. The others keep their stored JSON and their place. Casualty claims are
 * parsed for the ranges.
 */
import { consolidateCasualties } from '../domain/casualties.js';
import type { IncidentDetails } from '../domain/evolve.js';
import { IncidentFold } from '../domain/incident-fold.js';
import type { ClaimState, RecordedIncidentEvent } from '../domain/state.js';
import { claimView } from '../domain/view.js';
import type { ClaimView } from '../domain/view-types.js';
import { detailsInViewOrder } from './incident-rows.js';
import { assembleView } from './view-rows.js';

/** A claim's latest version at the revision, in first-reported order. */
export interface VersionRow {
  claim_id: string;
  claim_seq: number;
  kind: string;
  claim_json: string;
}

/** A view as JSON text and the revision it is at. */
export interface ViewText {
  json: string;
  revision: number;
}

const parsed = (row: VersionRow): ClaimState => {
  const { source: _source, ...claim } = JSON.parse(row.claim_json) as ClaimView;
  return claim;
};

/** The claim ids an event names (its own claim, the one that disputes or supports it). */
function namedIds(event: RecordedIncidentEvent): string[] {
  const data = event.data as {
    claimId?: string;
    disputedByClaimId?: string;
    supportedByClaimId?: string;
  };
  return [data.claimId, data.disputedByClaimId, data.supportedByClaimId].filter(
    (id): id is string => id !== undefined,
  );
}

/**
 * Whether the stored claim names another claim. `claimView` writes these keys with bare quotes,
 * which cannot occur inside a JSON string, so an empty list shows as this very text.
 */
const linked = (row: VersionRow): boolean =>
  !row.claim_json.includes('"disputedBy":[]') || !row.claim_json.includes('"supportedBy":[]');

/**
 * `apply` (which folds `events` onto the fold it is given) run on the view after `details` and
 * `rows`; the resulting view as JSON text, undefined before the opening.
 */
export function foldOntoVersionRows(
  details: IncidentDetails,
  rows: readonly VersionRow[],
  events: readonly RecordedIncidentEvent[],
  apply: (fold: IncidentFold, events: readonly RecordedIncidentEvent[]) => void,
): ViewText | undefined {
  const at = new Map(rows.map((row, i) => [row.claim_id, i]));
  const claims = new Map<number, ClaimState>();
  const claimAt = (i: number): ClaimState => {
    let claim = claims.get(i);
    if (!claim) {
      claim = parsed(rows[i]);
      claims.set(i, claim);
    }
    return claim;
  };
  // links both ways: a claim names the claims that dispute or support it
  const namedBy = new Map<string, string[]>();
  rows.forEach((row, i) => {
    if (!linked(row)) return;
    const claim = claimAt(i);
    for (const other of [...claim.disputedBy, ...claim.supportedBy]) {
      namedBy.set(other, [...(namedBy.get(other) ?? []), claim.claimId]);
    }
  });
  const wanted = new Set<number>();
  const pending = events.flatMap(namedIds);
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const i = at.get(id);
    if (i === undefined || wanted.has(i)) continue;
    wanted.add(i);
    const claim = claimAt(i);
    pending.push(...claim.disputedBy, ...claim.supportedBy, ...(namedBy.get(id) ?? []));
  }
  const places = [...wanted].sort((a, b) => a - b);
  const fold = IncidentFold.from({ ...details, claims: places.map(claimAt) });
  apply(fold, events);
  const after = fold.details();
  if (!after) return undefined;
  const folded = fold.claimList();
  const now = new Map(places.map((i, k) => [i, folded[k]]));
  const added = folded.slice(places.length);
  const texts = rows.map((row, i) => {
    const claim = now.get(i);
    return claim === undefined || claim === claims.get(i)
      ? row.claim_json
      : JSON.stringify(claimView(claim));
  });
  for (const claim of added) texts.push(JSON.stringify(claimView(claim)));
  const casualtyClaims = [
    ...rows.flatMap((row, i) => (row.kind === 'casualties' ? [now.get(i) ?? claimAt(i)] : [])),
    ...added.filter((claim) => claim.kind === 'casualties'),
  ];
  const casualties = JSON.stringify(consolidateCasualties(casualtyClaims, after.assessments ?? []));
  const json = assembleView(JSON.stringify(detailsInViewOrder(after)), texts, casualties);
  return { json, revision: after.revision };
}
