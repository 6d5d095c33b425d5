/**
 * Folding a few events onto the view at a revision as the rows hold it, without parsing every
 * claim: only the claims the events are about, and every claim linked to those (disputes and
 * supports, both ways, transitively), go into the fold, so every claim a step looks up or
 * settles is in it. The others keep their stored JSON and their place. Casualty claims are
 * parsed for the ranges.
 */
import { consolidateCasualties } from '../domain/casualties.js';
import type { IncidentDetails } from '../domain/evolve.js';
import { IncidentFold } from '../domain/incident-fold.js';
import type { ClaimState, RecordedIncidentEvent } from '../domain/state.js';
import { claimView } from '../domain/view.js';
import type { ClaimView } from '../domain/view-types.js';
import type { ClaimAt, ClaimsAtRevision } from './claims-at-revision.js';
import { detailsInViewOrder } from './incident-rows.js';
import { viewFromRows, type ViewAt } from './view-at.js';

/** A view as JSON in byte pieces (see viewPieces) and the revision it is at. */
export interface ViewPieces {
  pieces: Buffer[];
  revision: number;
}

const parsed = (claim: ClaimAt): ClaimState => {
  const { source: _source, ...state } = JSON.parse(claim.json) as ClaimView;
  return state;
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
 * `apply` (which folds `events` onto the fold it is given) run on the view after `details` and
 * `claims`; the resulting view (with the keys `more` at the end), undefined before the opening.
 */
export function foldOntoVersionRows(
  details: IncidentDetails,
  claims: ClaimsAtRevision,
  events: readonly RecordedIncidentEvent[],
  apply: (fold: IncidentFold, events: readonly RecordedIncidentEvent[]) => void,
  more = '',
): ViewAt | undefined {
  const states = new Map<number, ClaimState>();
  const stateOf = (claim: ClaimAt): ClaimState => {
    let state = states.get(claim.seq);
    if (!state) {
      state = parsed(claim);
      states.set(claim.seq, state);
    }
    return state;
  };
  // links both ways: a claim names the claims that dispute or support it
  const namedBy = new Map<string, string[]>();
  for (const claim of claims.linked()) {
    const state = stateOf(claim);
    for (const other of [...state.disputedBy, ...state.supportedBy]) {
      namedBy.set(other, [...(namedBy.get(other) ?? []), state.claimId]);
    }
  }
  const wanted = new Map<number, ClaimAt>();
  const seen = new Set<string>();
  const pending = events.flatMap(namedIds);
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const claim = claims.find(id);
    if (!claim) continue;
    wanted.set(claim.seq, claim);
    const state = stateOf(claim);
    pending.push(...state.disputedBy, ...state.supportedBy, ...(namedBy.get(id) ?? []));
  }
  const places = [...wanted.keys()].sort((a, b) => a - b);
  const fold = IncidentFold.from({
    ...details,
    claims: places.map((seq) => stateOf(wanted.get(seq) as ClaimAt)),
  });
  apply(fold, events);
  const after = fold.details();
  if (!after) return undefined;
  const folded = fold.claimList();
  const now = new Map(places.map((seq, k) => [seq, folded[k]]));
  const added = folded.slice(places.length);
  const replaced = new Map<number, string>();
  for (const [seq, claim] of now) {
    if (claim !== states.get(seq)) replaced.set(seq, JSON.stringify(claimView(claim)));
  }
  const appended = added.map((claim) => JSON.stringify(claimView(claim)));
  const casualtyClaims = [
    ...claims.casualties().map((claim) => now.get(claim.seq) ?? stateOf(claim)),
    ...added.filter((claim) => claim.kind === 'casualties'),
  ];
  const casualties = JSON.stringify(consolidateCasualties(casualtyClaims, after.assessments ?? []));
  const detailsJson = JSON.stringify(detailsInViewOrder(after));
  return viewFromRows({
    revision: after.revision,
    detailsJson,
    claims,
    replaced,
    appended,
    casualties,
    more,
  });
}
