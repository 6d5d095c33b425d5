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

/**
 * `time` as `toISOString()` text (UTC, milliseconds), `fallback` when it is not a time. Text
 * already in that form is returned as is (a projection asks for two per event), once its day is
 * checked: Date.parse takes "02-30" and "24:00" as later times, which the slow path then spells.
 */
export function utc(time: string, fallback: string): string {
  if (isCanonicalUtc(time)) return time;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}

const CANONICAL_UTC =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCanonicalUtc(time: string): boolean {
  if (!CANONICAL_UTC.test(time)) return false;
  const day = Number(time.slice(8, 10));
  if (day <= 28) return true;
  const year = Number(time.slice(0, 4));
  const month = Number(time.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0);
}
