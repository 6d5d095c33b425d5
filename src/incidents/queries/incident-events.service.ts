import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.js';
import { isIncidentEventType, streamIdOf } from '../domain/events.js';
import { toRecordedEvent } from '../domain/recorded.js';
import type { RecordedIncidentEvent } from '../domain/state.js';
import { incidentNotFound } from './not-found.js';

/** An incident's whole stream, for the folds the read model does not keep (time travel, diff). */
@Injectable()
export class IncidentEvents {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every event of the incident in stream order; 404 when there is none. */
  async load(incidentId: string): Promise<RecordedIncidentEvent[]> {
    const stored = await this.store.readStream(streamIdOf(incidentId));
    const events = stored.filter((event) => isIncidentEventType(event.type)).map(toRecordedEvent);
    if (events.length === 0) throw incidentNotFound(incidentId);
    return events;
  }
}
