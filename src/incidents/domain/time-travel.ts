/**
 * Time travel (DESIGN.md): pure folds of one incident's events, in stream order, with the same
 * `evolve` as the live projection. Each returns null when no event counts (nothing to show).
 */
import { claimIdOfEvent } from './events.js';
import { evolve } from './evolve.js';
import { findClaim, type IncidentState, type RecordedIncidentEvent } from './state.js';
import { earliestWorldTime, worldTimeOf } from './world-time.js';

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
 * The story as reported by T (world time, API.md's table), in stream order: an event counts when
 * its world time is ≤ T and the claims it is about are in the folded view; corrections and
 * undated disputes (no world time) whenever their claims are; IncidentOpened always. Null when
 * T is before every world time of the incident.
 */
export function foldReportedBy(
  events: readonly RecordedIncidentEvent[],
  t: Instant,
): IncidentState | null {
  const limit = ms(t);
  const earliest = earliestWorldTime(events);
  if (earliest === null || limit < earliest) return null;
  let state: IncidentState | null = null;
  for (const event of events) {
    if (event.type !== 'IncidentOpened') {
      const when = worldTimeOf(event);
      if ((when !== null && ms(when) > limit) || !state || !claimsPresent(state, event)) continue;
    }
    state = evolve(state, event);
  }
  return state;
}

/** Bitemporal: the story as reported by T, from the events storyline had recorded by T2. */
export function foldReportedByAsOf(
  events: readonly RecordedIncidentEvent[],
  reportedBy: Instant,
  asOf: Instant,
): IncidentState | null {
  const limit = ms(asOf);
  return foldReportedBy(
    events.filter((event) => ms(event.recordedAt) <= limit),
    reportedBy,
  );
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
