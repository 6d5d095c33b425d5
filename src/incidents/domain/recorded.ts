/** Reading incident events back from the store's envelopes. */
import type { StoredEvent } from '../../event-store/event-store.js';
import { isIncidentEventType, type IncidentEvent } from './events.js';
import type { RecordedIncidentEvent } from './state.js';

/**
 * A stored event as the domain folds it. Trusts the data: only `decide` writes incident events.
 * Throws on a type that is not an incident event (check `isIncidentEventType` first when reading
 * the global log).
 */
export function toRecordedEvent(stored: StoredEvent): RecordedIncidentEvent {
  if (!isIncidentEventType(stored.type)) {
    throw new Error(`${stored.type} is not an incident event`);
  }
  const event = { type: stored.type, data: stored.data } as IncidentEvent;
  return {
    ...event,
    eventId: stored.eventId,
    revision: stored.revision,
    position: stored.position,
    recordedAt: stored.metadata.recordedAt,
    recordedBy: stored.metadata.recordedBy,
  };
}
