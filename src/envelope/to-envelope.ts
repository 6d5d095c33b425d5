import type { StoredEvent } from '../event-store/event-store.js';
import { incidentIdOf } from '../incidents/domain/events.js';
import type { Envelope } from './envelope.js';

/** The public shape of a stored event, as GET /events and the live feed send it (API.md). */
export function toEnvelope(stored: StoredEvent): Envelope {
  return {
    position: stored.position,
    incidentId: incidentIdOf(stored.streamId) ?? stored.streamId,
    revision: stored.revision,
    eventId: stored.eventId,
    type: stored.type,
    data: stored.data,
    recordedAt: stored.metadata.recordedAt,
    recordedBy: stored.metadata.recordedBy,
  };
}
