/**
 * World time (API.md, "World time on every event"): when an event happened or was published in
 * the world, as opposed to its recordedAt. Pure; used by the `reportedBy` fold and the timeline's
 * `by=reported` order.
 */
import type { ClaimState, RecordedIncidentEvent } from './state.js';

/** Where the claims' first reportedAt are read (a fold, or stateReader over a state). */
export interface FirstReported {
  claim(claimId: string): Pick<ClaimState, 'firstReportedAt'> | undefined;
}

/**
 * The event's own world time, or null when it has none and takes effect as soon as its claims
 * are in the view: an opening, a correction (our fix of the record), an undated dispute (every
 * dispute recorded before world times existed).
 */
export function worldTimeOf(event: RecordedIncidentEvent): string | null {
  switch (event.type) {
    case 'IncidentOpened':
    case 'ClaimCorrected':
      return null;
    case 'ClaimDisputed':
    case 'ClaimSupported':
      return event.data.reportedAt ?? null;
    case 'IncidentStatusChanged':
    case 'IncidentDetailsRevised':
    case 'CasualtyEstimateAssessed':
      return event.data.reportedAt ?? event.recordedAt;
    default:
      return event.data.reportedAt;
  }
}

/**
 * The earliest world time of the incident: a `reportedBy` before it shows nothing. An incident
 * with no dated event yet counts from its opening's recordedAt.
 */
export function earliestWorldTime(events: readonly RecordedIncidentEvent[]): number | null {
  let earliest: number | null = null;
  for (const event of events) {
    const at = worldTimeOf(event);
    if (at !== null && (earliest === null || Date.parse(at) < earliest)) earliest = Date.parse(at);
  }
  const opened = events.find((event) => event.type === 'IncidentOpened');
  return earliest ?? (opened ? Date.parse(opened.recordedAt) : null);
}

/**
 * The UTC ISO text a timeline entry sorts on for `by=reported`, given the claims before (or
 * after: first reportedAt never changes) the event: its world time; a correction on its claim's first reportedAt; an undated dispute or support on
 * the later of its two claims' first reportedAt; an opening before everything ('').
 */
export function timelineSortKey(
  event: RecordedIncidentEvent,
  claims: FirstReported | null,
): string {
  const own = worldTimeOf(event);
  if (own !== null) return utc(own, event.recordedAt);
  if (event.type === 'IncidentOpened') return '';
  const firstReported = (claimId: string) =>
    claims?.claim(claimId)?.firstReportedAt ?? event.recordedAt;
  if (event.type === 'ClaimDisputed' || event.type === 'ClaimSupported') {
    const other =
      event.type === 'ClaimDisputed' ? event.data.disputedByClaimId : event.data.supportedByClaimId;
    const a = utc(firstReported(event.data.claimId), event.recordedAt);
    const b = utc(firstReported(other), event.recordedAt);
    return a > b ? a : b;
  }
  if (event.type === 'ClaimCorrected') {
    return utc(firstReported(event.data.claimId), event.recordedAt);
  }
  return utc(event.recordedAt, event.recordedAt);
}

function utc(time: string, fallback: string): string {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}
