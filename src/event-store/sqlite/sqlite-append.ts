import {
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
  IdempotencyMismatch,
  InvalidStoreArgument,
  type NewEvent,
  type StoredEvent,
  WrongExpectedRevision,
} from '../event-store.js';
import type { EventRecord, EventTable, StoredPlace } from './event-table.js';

/** One caller's append, validated and serialised before it joins a batch. */
export interface AppendRequest {
  streamId: string;
  events: EventRecord[];
  expectedRevision: ExpectedRevision;
}

function isExpectedRevision(value: unknown): value is ExpectedRevision {
  if (value === 'any' || value === 'no_stream' || value === 'exists') return true;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function toJson(value: unknown, what: string): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new InvalidStoreArgument(`${what} is not JSON-serialisable`);
  return json;
}

/** Checks the arguments (a caller's bug surfaces here, not inside a shared batch). */
export function toAppendRequest(
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): AppendRequest {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new InvalidStoreArgument('streamId must be a non-empty string');
  if (events.length === 0) throw new InvalidStoreArgument('append needs at least one event');
  if (!isExpectedRevision(options?.expectedRevision))
    throw new InvalidStoreArgument(
      `expectedRevision must be 'any', 'no_stream', 'exists' or a revision`,
    );
  const ids = new Set(events.map((event) => event.eventId));
  if (ids.size !== events.length)
    throw new InvalidStoreArgument('the event ids of one append must be distinct');
  return {
    streamId,
    expectedRevision: options.expectedRevision,
    events: events.map((event) => {
      if (typeof event.eventId !== 'string' || event.eventId.length === 0)
        throw new InvalidStoreArgument('eventId must be a non-empty string');
      if (typeof event.type !== 'string' || event.type.length === 0)
        throw new InvalidStoreArgument('type must be a non-empty string');
      return {
        eventId: event.eventId,
        type: event.type,
        data: toJson(event.data, 'data'),
        metadata: toJson(event.metadata, 'metadata'),
      };
    }),
  };
}

function matches(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'exists':
      return actual >= 0;
    default:
      return expected === actual;
  }
}

/**
 * Applies one append inside the batch's open transaction. A retry (every event id already in
 * the stream) is answered from the stored events before the expected revision is checked, so a
 * retry whose expected revision has gone stale still gets its original result. The events it
 * inserts are pushed to `inserted` when given (for a projection in the same transaction).
 */
export function applyAppend(
  table: EventTable,
  request: AppendRequest,
  inserted?: StoredEvent[],
): AppendResult {
  const { streamId, events, expectedRevision } = request;
  const stored = events
    .map((event) => table.find(streamId, event.eventId))
    .filter((place): place is StoredPlace => place !== undefined);
  if (stored.length === events.length) {
    const last = stored.reduce((a, b) => (b.revision > a.revision ? b : a));
    return { revision: last.revision, position: last.position.toString() };
  }
  if (stored.length > 0) {
    const storedIds = events
      .filter((event) => table.find(streamId, event.eventId) !== undefined)
      .map((event) => event.eventId);
    throw new IdempotencyMismatch(streamId, storedIds);
  }
  const actual = table.lastRevision(streamId);
  if (!matches(expectedRevision, actual))
    throw new WrongExpectedRevision(streamId, expectedRevision, actual);
  let revision = actual;
  let position = 0n;
  // handed on only once every insert succeeded: a failure half-way rolls back the savepoint
  const mine: StoredEvent[] = [];
  for (const event of events) {
    revision += 1;
    position = table.insert(streamId, revision, event);
    if (inserted)
      mine.push({
        eventId: event.eventId,
        streamId,
        revision,
        position: position.toString(),
        type: event.type,
        data: JSON.parse(event.data) as unknown,
        metadata: JSON.parse(event.metadata) as StoredEvent['metadata'],
      });
  }
  inserted?.push(...mine);
  return { revision, position: position.toString() };
}
