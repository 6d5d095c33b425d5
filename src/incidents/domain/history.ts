/** Claim history: the claim after each event that touched it, oldest first. */
import { claimIdOfEvent, reportedAtOf } from './events.js';
import { type ClaimReader, IncidentFold, stateReader } from './incident-fold.js';
import type { IncidentState, RecordedIncidentEvent } from './state.js';
import { claimView } from './view.js';
import type { ClaimHistory, ClaimHistoryVersion, EventRef } from './view-types.js';

/** The metadata part shared by history versions and timeline entries. */
export function eventRef(event: RecordedIncidentEvent): EventRef {
  const reportedAt = reportedAtOf(event);
  return {
    revision: event.revision,
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    recordedAt: event.recordedAt,
    recordedBy: event.recordedBy,
    ...(reportedAt !== undefined && { reportedAt }),
  };
}

/**
 * The history version an event adds, given the state after it; null when the event is not about
 * a claim. For projections that fold incrementally.
 */
export function toHistoryVersion(
  event: RecordedIncidentEvent,
  after: IncidentState | ClaimReader,
): ClaimHistoryVersion | null {
  const claimId = claimIdOfEvent(event);
  const reader = 'claim' in after ? after : stateReader(after);
  const claim = claimId === undefined ? undefined : reader.claim(claimId);
  return claim ? { ...eventRef(event), claim: claimView(claim) } : null;
}

/** Every version of one claim from the incident's events; empty when the claim never existed. */
export function claimHistory(
  events: readonly RecordedIncidentEvent[],
  claimId: string,
): ClaimHistory {
  const versions: ClaimHistoryVersion[] = [];
  const fold = new IncidentFold();
  for (const event of events) {
    fold.apply(event);
    if (claimIdOfEvent(event) !== claimId) continue;
    const version = toHistoryVersion(event, fold);
    if (version) versions.push(version);
  }
  return { claimId, versions };
}
