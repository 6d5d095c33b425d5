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
