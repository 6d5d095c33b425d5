import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  InvalidStoreArgument,
  type EventMetadata,
  type ExpectedRevision,
  type NewEvent,
  type StoredEvent,
} from '../event-store.js';

/** The port's expected revision as the client's stream state (exact states keep appends idempotent). */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new InvalidStoreArgument(
          `expected revision must be a whole number >= 0, got ${expected}`,
        );
      }
      return BigInt(expected);
  }
}

/** The server's actual stream state as the port's revision: -1 when the stream has no event. */
export function toActualRevision(state: CurrentStreamState): number {
  if (state === NO_STREAM) return -1;
  // deleted (-5) and tombstoned (-6) streams read as absent
  return state < 0n ? -1 : Number(state);
}

/** storyline's position: the commit position, as a decimal string (it can exceed 2^53). */
export function positionToString(position: Position): string {
  return position.commit.toString(10);
}

/** Checks a port position ('0' or a decimal string) and returns it as a bigint. */
export function parsePosition(position: string): bigint {
  if (!/^\d+$/.test(position)) {
    throw new InvalidStoreArgument(
      `a position is a decimal string, got ${JSON.stringify(position)}`,
    );
  }
  return BigInt(position);
}

/**
 * Where to start a read of $all for events after `after`. Events appended through gRPC have
 * commit = prepare = their own log position, so {c, c} points at the event at c: the read
 * includes it (the caller drops it) and a subscription starts just after it.
 */
export function readPositionAfter(after: string): ReadPosition {
  const commit = parsePosition(after);
  return commit === 0n ? START : { commit, prepare: commit };
}

/** A port event as the client's JSON event, keeping its id so retries stay idempotent. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // JSON.stringify accepts any JSON value; the client's type only names the common ones
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

/** Whether a decoded metadata value is one storyline writes (another application's is not). */
function isStorylineMetadata(value: unknown): value is EventMetadata {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return false;
  const m = value as Partial<Record<keyof EventMetadata, unknown>>;
  return (
    typeof m.recordedAt === 'string' &&
    typeof m.recordedBy === 'string' &&
    typeof m.correlationId === 'string' &&
    (m.causationId === null || typeof m.causationId === 'string') &&
    typeof m.schemaVersion === 'number'
  );
}

/**
 * A resolved event as the port's StoredEvent, or undefined for what storyline did not write and
 * never shows: a link without its target, a system event, and any event of another application
 * (binary, or without storyline's JSON metadata), so one foreign event cannot break reads of the
 * log. Stream reads carry positions from server 22.6 on.
 */
export function toStoredEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): StoredEvent | undefined {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  if (!event.isJson || !isStorylineMetadata(event.metadata)) return undefined;
  const commit = event.position?.commit ?? resolved.commitPosition;
  if (commit === undefined) {
    throw new Error(
      `KurrentDB returned event ${event.id} without its position: storyline needs EventStoreDB 22.6 or later`,
    );
  }
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: commit.toString(10),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
}
