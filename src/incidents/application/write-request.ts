import type { Principal } from '../../auth/principal.js';
import type { NewEvent } from '../../event-store/event-store.js';
import type { Command } from '../domain/commands.js';
import { claimIdOfEvent, SCHEMA_VERSION, type IncidentEvent } from '../domain/events.js';
import { eventIdFor } from './deterministic-ids.js';
import type { EventRef } from './incident-state-cache.js';
import type { WriteResult } from './write-result.js';

/** How a write arrived: who, and the optional preconditions of API.md. */
export interface WriteRequest {
  command: Command;
  principal: Principal;
  correlationId: string;
  /** `If-Match`: append only if the incident is at this revision. */
  ifMatch?: number;
  idempotency?: { key: string; requestHash: string };
}

/** What a keyed write's event ids are derived from; none for a write without a key. */
export function seedOf(request: WriteRequest): string | undefined {
  return request.idempotency
    ? `${request.principal.name}\u0000${request.idempotency.key}`
    : undefined;
}

/** The decided events as the store takes them, with the request's metadata. */
export function toNewEvents(
  events: readonly IncidentEvent[],
  seed: string | undefined,
  request: WriteRequest,
  now: Date,
): NewEvent[] {
  return events.map((event, index) => ({
    eventId: eventIdFor(seed, index),
    type: event.type,
    data: event.data,
    metadata: {
      recordedAt: now.toISOString(),
      recordedBy: request.principal.name,
      correlationId: request.correlationId,
      causationId: null,
      schemaVersion: SCHEMA_VERSION[event.type],
    },
  }));
}

/** The 201 body of a write whose last event is `last`, stored at `stored`. */
export function writeResultOf(incidentId: string, last: NewEvent, stored: EventRef): WriteResult {
  const claimId = claimIdOfEvent({ type: last.type, data: last.data } as IncidentEvent);
  return {
    incidentId,
    ...(claimId !== undefined && { claimId }),
    eventId: last.eventId,
    revision: stored.revision,
    position: stored.position,
  };
}
