import type { IncidentEvent, IncidentEventType } from '../../../incidents/domain/events.js';
import type { TimelineEntry } from '../api/api-types.js';
import { worldKeys } from './world-time.js';

/** A timeline entry's type and data as the domain's discriminated union, so `switch` narrows. */
export function eventOf(entry: TimelineEntry): IncidentEvent {
  return { type: entry.type, data: entry.data } as IncidentEvent;
}

/** Each event type in words, as the timeline names it ("Claim supported", not "ClaimSupported"). */
const EVENT_LABELS: Record<IncidentEventType, string> = {
  IncidentOpened: 'Incident opened',
  IncidentDetailsRevised: 'Details revised',
  StatementReported: 'Statement reported',
  CasualtyFiguresReported: 'Casualty figures reported',
  ClaimRevisedBySource: 'Claim revised by its source',
  ClaimCorrected: 'Claim corrected by the desk',
  ClaimDisputed: 'Claim disputed',
  ClaimRetracted: 'Claim retracted',
  ClaimSupported: 'Claim supported',
  CasualtyEstimateAssessed: 'Casualty estimate assessed by the desk',
  IncidentStatusChanged: 'Status changed',
};

export function eventLabel(type: IncidentEventType): string {
  return EVENT_LABELS[type] ?? type;
}

/** How far before its recording a report may be published and still count as "on time". */
export const BACKDATED_AFTER_MS = 15 * 60 * 1000;

/** A report recorded well after the source published it: readers must not mistake it for news. */
export function isBackdated(entry: TimelineEntry): boolean {
  if (!entry.reportedAt) return false;
  return Date.parse(entry.recordedAt) - Date.parse(entry.reportedAt) > BACKDATED_AFTER_MS;
}

export type TimelineOrder = 'recorded' | 'reported';

/** Newest first, by when storyline recorded it or by world time (as the service sorts it). */
export function sortTimeline(
  entries: readonly TimelineEntry[],
  by: TimelineOrder,
): TimelineEntry[] {
  const world = worldKeys(entries);
  const key = (entry: TimelineEntry): string =>
    by === 'reported' ? (world.get(entry.revision) ?? '') : entry.recordedAt;
  return [...entries].sort((a, b) =>
    key(a) === key(b) ? b.revision - a.revision : key(a) < key(b) ? 1 : -1,
  );
}
