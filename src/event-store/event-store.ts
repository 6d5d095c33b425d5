/**
 * The EventStore port: one contract, two adapters (SQLite embedded, KurrentDB), one conformance
 * suite (test/event-store/conformance.ts) that every adapter must pass unchanged.
 *
 * Positions are the event's place in the global log: decimal strings of unsigned integers that
 * only grow (KurrentDB commit positions exceed 2^53). Compare them with `comparePositions`.
 * Revisions are 0-based numbers of an event within its stream.
 */

/** Metadata carried by every stored event. */
export interface EventMetadata {
  /** When storyline stored the event (server clock, ISO 8601 UTC). */
  recordedAt: string;
  /** The authenticated principal that caused the event. */
  recordedBy: string;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
}

/** An event to append. `eventId` is a UUID chosen by the caller (deterministic for retries). */
export interface NewEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** An event as the store holds it. */
export interface StoredEvent extends NewEvent {
  streamId: string;
  revision: number;
  /** Place in the global log, a decimal string. */
  position: string;
}

/**
 * What the stream must look like for an append to go through:
 * `any` (no check), `no_stream` (the stream has no event), `exists` (it has at least one),
 * or the exact revision of its last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'exists' | number;

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

/** The revision and position of the last event of an append. */
export interface AppendResult {
  revision: number;
  position: string;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default: the start (forwards) or the end (backwards). */
  from?: number;
  direction?: Direction;
  /** Maximum number of events. Default: every event. */
  limit?: number;
}

export interface ReadAllOptions {
  /** Read events whose position is strictly greater than this. Default '0': from the start. */
  after?: string;
  /** Maximum number of events. Default 1000. */
  limit?: number;
}

export interface SubscribeOptions {
  /** Deliver events whose position is strictly greater than this ('0' from the start). */
  after: string;
  /** Only this stream. */
  streamId?: string;
  /** Only streams whose id starts with this (e.g. 'incident-'). */
  streamPrefix?: string;
}

/**
 * A catch-up subscription: yields every matching event after `after`, then goes on live, in
 * position order, with no gap and no duplicate. Pull-based: the store does not buffer ahead of
 * the consumer without bound. `close()` ends the iteration (a pending `next()` resolves done).
 */
export interface Subscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /** 'sqlite' or 'kurrentdb': shown by /health. */
  readonly kind: string;
  /**
   * Appends atomically. Throws `WrongExpectedRevision` on a mismatch. When every event's id is
   * already in the stream (a retry), stores nothing and returns the original result (the
   * revision and position of the last of them); when only some are, throws `IdempotencyMismatch`.
   * The retry check comes before the expected-revision check.
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** Reads one stream; an absent stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Reads the global log in position order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  subscribe(options: SubscribeOptions): Subscription;
  /** The position of the latest event in the log, '0' when empty. Throws `StoreUnavailable` when down. */
  head(): Promise<string>;
  close(): Promise<void>;
}

/** Dependency-injection token for the EventStore. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** The stream did not match the expected revision. `actualRevision` is -1 for an absent stream. */
export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: number,
  ) {
    super(
      `stream ${streamId}: expected revision ${String(expectedRevision)}, actual ${actualRevision}`,
    );
  }
}

/**
 * Some, but not all, of an append's event ids are already in the stream: it is neither a clean
 * retry nor new events, so nothing is stored.
 */
export class IdempotencyMismatch extends Error {
  override readonly name = 'IdempotencyMismatch';
  constructor(
    readonly streamId: string,
    readonly storedEventIds: readonly string[],
  ) {
    super(
      `stream ${streamId}: ${storedEventIds.length} of the appended event ids are already stored, not all`,
    );
  }
}

/** The store cannot be reached (maps to 503). */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The store refused the arguments (a programming error in the caller, not a user error). */
export class InvalidStoreArgument extends Error {
  override readonly name = 'InvalidStoreArgument';
}

/** -1, 0 or 1 as position a is before, equal to or after position b. */
export function comparePositions(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
