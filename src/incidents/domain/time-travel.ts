/**
 * Time travel (DESIGN.md): pure folds of one incident's events, in stream order, with the same
 * `evolve` as the live projection. Each returns null when no event counts (nothing to show).
 */
import { claimIdOfEvent } from './events.js';
import { IncidentFold } from './incident-fold.js';
import type { IncidentState, RecordedIncidentEvent } from './state.js';
import { earliestWorldTime, worldTimeOf } from './world-time.js';

export type Instant = Date | string;

const ms = (t: Instant): number => (typeof t === 'string' ? Date.parse(t) : t.getTime());

export function foldAll(events: Iterable<RecordedIncidentEvent>): IncidentState | null {
  return IncidentFold.of(events).state();
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
  const earliest = earliestWorldTime(events);
  if (earliest === null || ms(t) < earliest) return null;
  return foldReportedByInto(new IncidentFold(), events, t).state();
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

/** foldReportedBy's rule applied onto `fold` (which may already hold counted events). */
export function foldReportedByInto(
  fold: IncidentFold,
  events: Iterable<RecordedIncidentEvent>,
  t: Instant,
): IncidentFold {
  const limit = ms(t);
  for (const event of events) {
    if (event.type !== 'IncidentOpened') {
      const when = worldTimeOf(event);
      if ((when !== null && ms(when) > limit) || !fold.details() || !claimsPresent(fold, event)) {
        continue;
      }
    }
    fold.apply(event);
  }
  return fold;
}

/** Whether every claim the event is about (but does not create) is in the fold. */
function claimsPresent(fold: IncidentFold, event: RecordedIncidentEvent): boolean {
  if (event.type === 'StatementReported' || event.type === 'CasualtyFiguresReported') return true;
  const claimId = claimIdOfEvent(event);
  if (claimId !== undefined && !fold.claim(claimId)) return false;
  if (event.type === 'ClaimDisputed') return fold.claim(event.data.disputedByClaimId) !== undefined;
  if (event.type === 'ClaimSupported')
    return fold.claim(event.data.supportedByClaimId) !== undefined;
  return true;
}
