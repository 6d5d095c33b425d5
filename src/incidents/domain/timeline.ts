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

/**
 * `JSON.stringify(toTimelineEntry(event, before))` from `refJson`, the JSON of `eventRef(event)`
 * (which a projection writes beside it anyway): the entry is that ref with `summary` and `data`
 * after it, so neither the ref nor the entry is built twice.
 */
export function timelineEntryJson(
  event: RecordedIncidentEvent,
  before: IncidentState | ClaimReader | null,
  refJson: string,
): string {
  const summary = JSON.stringify(summarize(event, before));
  return `${refJson.slice(0, -1)},"summary":${summary},"data":${JSON.stringify(event.data)}}`;
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
