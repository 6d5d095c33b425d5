/** From state to the API.md view shapes. */
import { consolidateCasualties } from './casualties.js';
import { sourceName } from './source-name.js';
import { findClaim, type ClaimState, type IncidentState } from './state.js';
import type { ClaimView, IncidentView } from './view-types.js';

/** The view of GET /incidents/:id (also used for asOf, reportedBy and revision). */
export function toIncidentView(state: IncidentState): IncidentView {
  return {
    incidentId: state.incidentId,
    revision: state.revision,
    position: state.position,
    title: state.title,
    summary: state.summary,
    location: state.location,
    occurredAt: state.occurredAt,
    tags: state.tags,
    status: state.status,
    openedAt: state.openedAt,
    updatedAt: state.updatedAt,
    claims: state.claims.map(claimView),
    casualties: consolidateCasualties(state.claims, state.assessments),
  };
}

/** One claim as GET /incidents/:id/claims/:claimId shows it; null when the incident has none. */
export function toClaimView(state: IncidentState, claimId: string): ClaimView | null {
  const claim = findClaim(state, claimId);
  return claim ? claimView(claim) : null;
}

export function claimView(claim: ClaimState): ClaimView {
  return { ...claim, source: sourceName(claim.attribution) };
}

/**
 * `JSON.stringify(claimView(claim))` without copying the claim: a claim state has no `source` of
 * its own, so the view's text is the claim's with `source` appended (projections write one per
 * changed claim per event).
 */
export function claimViewJson(claim: ClaimState): string {
  return `${JSON.stringify(claim).slice(0, -1)},"source":${JSON.stringify(sourceName(claim.attribution))}}`;
}
