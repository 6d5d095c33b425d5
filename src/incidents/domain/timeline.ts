/** Timeline entries (GET /incidents/:id/timeline) from recorded events. */
import { eventRef } from './history.js';
import { type ClaimReader, IncidentFold } from './incident-fold.js';
import type { IncidentState, RecordedIncidentEvent } from './state.js';
import { summarize } from './summary.js';
import type { TimelineEntry } from './view-types.js';

/** One entry; `before` is the state the event applied to (for richer dispute lines). */
export function toTimelineEntry(
  event: RecordedIncidentEvent,
  before?: IncidentState | ClaimReader | null,
): TimelineEntry {
  return { ...eventRef(event), summary: summarize(event, before), data: event.data };
}

/** Every entry of an incident, in stream order. */
export function timelineOf(events: readonly RecordedIncidentEvent[]): TimelineEntry[] {
  const fold = new IncidentFold();
  return events.map((event) => {
    const entry = toTimelineEntry(event, fold.details() ? fold : null);
    fold.apply(event);
    return entry;
  });
}
