import pg from 'pg';
import { StoreUnavailable, type EventMetadata, type StoredEvent } from '../event-store.js';

/** A row of storyline_events; pg gives bigint columns as decimal strings and json parsed. */
export interface EventRow {
  position: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export const SELECT_EVENTS =
  'SELECT position, stream_id, revision, event_id, type, data, metadata FROM storyline_events';

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: row.position,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}

/**
 * SQLSTATE classes that mean "the server cannot serve us now": connection exceptions (08),
 * insufficient resources (53), operator intervention such as a shutdown (57), system errors (58).
 */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']);

/** Whether a failure is PostgreSQL (or the way to it) being down, rather than a bug. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) {
    return UNAVAILABLE_CLASSES.has((error.code ?? '').slice(0, 2));
  }
  // network errors (ECONNREFUSED, ECONNRESET, timeouts) and pg's "Connection terminated"; not
  // `instanceof Error`: Node's own errors may come from another realm (a vm context, as in Jest)
  return typeof error === 'object' && error !== null;
}

/** The store's error for a failed query: StoreUnavailable when the server is the cause. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailable || !isUnavailable(error)) return error;
  return new StoreUnavailable(`PostgreSQL is unavailable: ${String(error)}`, { cause: error });
}
