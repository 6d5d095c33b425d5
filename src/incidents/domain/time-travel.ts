/**
 * Time travel (DESIGN.md): pure folds of one incident's events, in stream order, with the same
 * `evolve` as the live projection. Each returns null when no event counts (nothing to show).
 */
import { claimIdOfEvent, reportedAtOf } from './events.js';
import { evolve } from './evolve.js';
import { findClaim, type IncidentState, type RecordedIncidentEvent } from './state.js';

export type Instant = Date | string;

const ms = (t: Instant): number => (typeof t === 'string' ? Date.parse(t) : t.getTime());

export function foldAll(events: readonly RecordedIncidentEvent[]): IncidentState | null {
  return events.reduce<IncidentState | null>(evolve, null);
}

/** The view as storyline knew it at T: the events with recordedAt ≤ T. */
export function foldAsOf(
  events: readonly RecordedIncidentEvent[],
  t: Instant,
): IncidentState | null {
  const limit = ms(t);
  return foldAll(events.filter((event) => ms(event.recordedAt) <= limit));
}

/** The view after the event with revision N (events with revision ≤ N). */
export function foldToRevision(
  events: readonly RecordedIncidentEvent[],
  revision: number,
): IncidentState | null {
  return foldAll(events.filter((event) => event.revision <= revision));
}

/**
 * The story as reported by T, in stream order: an event with a reportedAt counts when it is ≤ T;
 * an editorial event (no reportedAt) counts when its recordedAt is ≤ T; IncidentOpened always
 * counts; an event about a claim that is not in the folded view (for a dispute: either claim)
 * is skipped.
 */
export function foldReportedBy(
  events: readonly RecordedIncidentEvent[],
  t: Instant,
): IncidentState | null {
  const limit = ms(t);
  let state: IncidentState | null = null;
  for (const event of events) {
    if (event.type !== 'IncidentOpened') {
      const when = reportedAtOf(event) ?? event.recordedAt;
      if (ms(when) > limit || !state || !claimsPresent(state, event)) continue;
    }
    state = evolve(state, event);
  }
  return state;
}

/** Whether every claim the event is about (but does not create) is in the state. */
function claimsPresent(state: IncidentState, event: RecordedIncidentEvent): boolean {
  if (event.type === 'StatementReported' || event.type === 'CasualtyFiguresReported') return true;
  const claimId = claimIdOfEvent(event);
  if (claimId !== undefined && !findClaim(state, claimId)) return false;
  return (
    event.type !== 'ClaimDisputed' || findClaim(state, event.data.disputedByClaimId) !== undefined
  );
}
