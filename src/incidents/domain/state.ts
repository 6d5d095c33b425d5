/**
 * The state `evolve` folds an incident's events into. Plain JSON (arrays, no Map or Date) so a
 * projection may store it as it is and go on folding from it later.
 */
import type { IncidentEvent } from './events.js';
import type { CasualtyAssessment, ClaimView, IncidentView } from './view-types.js';

export type { ClaimKind, ClaimStateName, Correction, Dispute, Retraction } from './view-types.js';

/** An event with its place in the stream and the log, and the metadata evolve needs. */
export type RecordedIncidentEvent = IncidentEvent & {
  eventId: string;
  /** 0-based number in the incident's stream. */
  revision: number;
  /** Place in the global log, a decimal string. */
  position: string;
  /** When storyline stored it (ISO 8601 UTC). */
  recordedAt: string;
  recordedBy: string;
};

/** A claim as the state holds it: the view's claim without the derived `source` wording. */
export type ClaimState = Omit<ClaimView, 'source'>;

/** The view's incident fields as folded (the view adds its derived casualties and wording). */
export type IncidentState = Pick<
  IncidentView,
  | 'incidentId'
  | 'title'
  | 'summary'
  | 'location'
  | 'occurredAt'
  | 'tags'
  | 'status'
  | 'openedAt'
  | 'updatedAt'
  | 'revision'
  | 'position'
> & {
  /** The desk's latest assessment per measure and group (matched as casualty groups are). */
  assessments: CasualtyAssessment[];
  /** Claims in the order they were first recorded. */
  claims: ClaimState[];
};

/** The claim with this id, if the incident holds it. */
export function findClaim(state: IncidentState, claimId: string): ClaimState | undefined {
  return state.claims.find((claim) => claim.claimId === claimId);
}
