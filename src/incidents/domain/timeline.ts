/** Timeline entries (GET /incidents/:id/timeline) from recorded events. */
import { evolve } from './evolve.js';
import { eventRef } from './history.js';
import type { IncidentState, RecordedIncidentEvent } from './state.js';
import { summarize } from './summary.js';
import type { TimelineEntry } from './view-types.js';

/** One entry; `before` is the state the event applied to (for richer dispute lines). */
export function toTimelineEntry(
  event: RecordedIncidentEvent,
  before?: IncidentState | null,
): TimelineEntry {
  return { ...eventRef(event), summary: summarize(event, before), data: event.data };
}

/** Every entry of an incident, in stream order. */
export function timelineOf(events: readonly RecordedIncidentEvent[]): TimelineEntry[] {
  let state: IncidentState | null = null;
  return events.map((event) => {
    const entry = toTimelineEntry(event, state);
    state = evolve(state, event);
    return entry;
  });
}
