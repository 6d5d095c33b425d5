/** Test support: incident events appended straight to the store, as the write path would. */
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  type AppendResult,
  EVENT_STORE,
  type EventStore,
  type NewEvent,
} from '../../src/event-store/event-store.js';
import {
  type IncidentEvent,
  SCHEMA_VERSION,
  streamIdOf,
} from '../../src/incidents/domain/events.js';
import { foldAll } from '../../src/incidents/domain/time-travel.js';
import { toRecordedEvent } from '../../src/incidents/domain/recorded.js';
import { toIncidentView } from '../../src/incidents/domain/view.js';
import type { IncidentView } from '../../src/incidents/domain/view-types.js';
import { ProjectionRunner } from '../../src/incidents/projections/projection-runner.js';

export interface SeedOptions {
  recordedBy?: string;
  /** recordedAt of each event (one for all, or one per event); default now. */
  recordedAt?: string | string[];
}

export function toNewEvent(event: IncidentEvent, recordedAt: string, recordedBy: string): NewEvent {
  return {
    eventId: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      recordedAt,
      recordedBy,
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: SCHEMA_VERSION[event.type],
    },
  };
}

/** Appends events to an incident's stream and waits until the read model has applied them. */
export async function seed(
  app: NestExpressApplication,
  incidentId: string,
  events: readonly IncidentEvent[],
  options: SeedOptions = {},
): Promise<AppendResult> {
  const store = app.get<EventStore>(EVENT_STORE);
  const times = options.recordedAt;
  const newEvents = events.map((event, i) =>
    toNewEvent(
      event,
      Array.isArray(times) ? times[i] : (times ?? new Date().toISOString()),
      options.recordedBy ?? 'seeder',
    ),
  );
  const result = await store.append(streamIdOf(incidentId), newEvents, { expectedRevision: 'any' });
  const applied = await app.get(ProjectionRunner).waitFor(result.position, 10_000);
  if (!applied) throw new Error(`the read model did not reach ${result.position}`);
  return result;
}

/** The view folded straight from the store, to compare the read model against. */
export async function foldedView(
  app: NestExpressApplication,
  incidentId: string,
): Promise<IncidentView> {
  const stored = await app.get<EventStore>(EVENT_STORE).readStream(streamIdOf(incidentId));
  const state = foldAll(stored.map(toRecordedEvent));
  if (!state) throw new Error(`no incident ${incidentId}`);
  return toIncidentView(state);
}
