/** Reading incident events back from the store's envelopes. */
import type { StoredEvent } from '../../event-store/event-store.js';
import { isIncidentEventType } from './events.js';
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
  // one literal, not spreads: every projected and folded event passes here
  return {
    type: stored.type,
    data: stored.data,
    eventId: stored.eventId,
    revision: stored.revision,
    position: stored.position,
    recordedAt: stored.metadata.recordedAt,
    recordedBy: stored.metadata.recordedBy,
  } as RecordedIncidentEvent;
}
