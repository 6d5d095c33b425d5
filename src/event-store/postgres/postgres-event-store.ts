import pg from 'pg';
import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  IdempotencyMismatch,
  InvalidStoreArgument,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  StoreUnavailable,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevision,
} from '../event-store.js';
import { toAppendRequest } from '../sqlite/sqlite-append.js';
import { StoreLocationError, redactConnectionString } from '../store-location.js';
import {
  DEFAULT_TIMINGS,
  type ListenerTimings,
  NotificationListener,
} from './notification-listener.js';
import { type EventRow, SELECT_EVENTS, toStoreError, toStoredEvent } from './postgres-rows.js';
import { ensureSchema } from './postgres-schema.js';
import { type PageReader, PagedSubscription } from '../paged-subscription.js';
import { WakeSignal } from '../wake-signal.js';

export interface PostgresEventStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  listener?: Partial<ListenerTimings>;
}

interface AppendRow {
  out_outcome: 'ok' | 'retry' | 'mismatch' | 'conflict';
  out_revision: string | null;
  out_position: string | null;
  out_stored: string[] | null;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function checkPosition(value: string): string {
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw new InvalidStoreArgument(`not a position: ${String(value)}`);
  // PostgreSQL bigint: a larger position cannot exist, and would not parse as a parameter
  return BigInt(value) > 9223372036854775807n ? '9223372036854775807' : value;
}

/**
 * The EventStore port on PostgreSQL, shared by any number of storyline instances.
 *
 * Ordering: every append runs storyline_append, one statement that takes a single advisory
 * lock before it takes positions and holds it until after its commit is visible. So positions
 * become visible in the order they were taken, and a reader that sees position p has seen
 * every committed position below it: no subscriber can move past an event still in flight.
 * Idempotent retries are decided under the same lock, before the expected revision.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  private readonly signal = new WakeSignal();
  private readonly listener: NotificationListener;
  private readonly subscriptions = new Set<PagedSubscription>();
  private schema: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    config: pg.ClientConfig,
    options: PostgresEventStoreOptions,
  ) {
    this.listener = new NotificationListener(config, this.signal, {
      ...DEFAULT_TIMINGS,
      ...options.listener,
    });
    // an idle connection that breaks emits here; without a listener it would crash the process
    pool.on('error', () => undefined);
  }

  /** Creates the pool; it connects lazily, so a server that is down is not an error here. */
  static open(
    connectionString: string,
    options: PostgresEventStoreOptions = {},
  ): PostgresEventStore {
    let config: pg.ClientConfig;
    try {
      new URL(connectionString);
      config = { connectionString, connectionTimeoutMillis: 5000 };
    } catch {
      throw new StoreLocationError(
        `STORYLINE_STORE is not a valid PostgreSQL connection string (${redactConnectionString(connectionString)})`,
      );
    }
    const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
    return new PostgresEventStore(pool, config, options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.ensureOpen();
    const request = toAppendRequest(streamId, events, options);
    const rows = await this.query<AppendRow>(
      'SELECT * FROM storyline_append($1, $2, $3, $4, $5, $6)',
      [
        streamId,
        String(request.expectedRevision),
        request.events.map((event) => event.eventId),
        request.events.map((event) => event.type),
        request.events.map((event) => event.data),
        request.events.map((event) => event.metadata),
      ],
    );
    const row = rows[0];
    switch (row.out_outcome) {
      case 'ok':
        this.signal.notify();
        return { revision: Number(row.out_revision), position: String(row.out_position) };
      case 'retry':
        return { revision: Number(row.out_revision), position: String(row.out_position) };
      case 'mismatch':
        throw new IdempotencyMismatch(streamId, row.out_stored ?? []);
      case 'conflict':
        throw new WrongExpectedRevision(
          streamId,
          request.expectedRevision,
          Number(row.out_revision),
        );
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.ensureOpen();
    const { from, direction = 'forwards', limit } = options;
    if (from !== undefined && !isCount(from)) throw new InvalidStoreArgument('from: a revision');
    if (limit !== undefined && !isCount(limit)) throw new InvalidStoreArgument('limit: a count');
    const rows =
      direction === 'backwards'
        ? await this.query<EventRow>(
            `${SELECT_EVENTS} WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
            [streamId, from ?? Number.MAX_SAFE_INTEGER, limit ?? null],
          )
        : await this.query<EventRow>(
            `${SELECT_EVENTS} WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
            [streamId, from ?? 0, limit ?? null],
          );
    return rows.map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.ensureOpen();
    const { after = '0', limit = 1000 } = options;
    if (!isCount(limit)) throw new InvalidStoreArgument('limit: a count');
    const rows = await this.query<EventRow>(
      `${SELECT_EVENTS} WHERE position > $1 ORDER BY position LIMIT $2`,
      [checkPosition(after), limit],
    );
    return rows.map(toStoredEvent);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const { after, streamId, streamPrefix } = options;
    checkPosition(after);
    if (streamId !== undefined && streamPrefix !== undefined)
      throw new InvalidStoreArgument('subscribe to a streamId or a streamPrefix, not both');
    const page = async (sql: string, params: unknown[]) =>
      (await this.query<EventRow>(sql, params)).map(toStoredEvent);
    const read: PageReader =
      streamId !== undefined
        ? (from, limit) =>
            page(
              `${SELECT_EVENTS} WHERE stream_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
              [streamId, from, limit],
            )
        : streamPrefix
          ? (from, limit) =>
              page(
                `${SELECT_EVENTS} WHERE position > $1 AND starts_with(stream_id, $2) ORDER BY position LIMIT $3`,
                [from, streamPrefix, limit],
              )
          : (from, limit) =>
              page(`${SELECT_EVENTS} WHERE position > $1 ORDER BY position LIMIT $2`, [
                from,
                limit,
              ]);
    this.listener.start();
    const subscription = new PagedSubscription(read, this.signal, checkPosition(after), (s) =>
      this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Subscriptions caught up and waiting for a wake-up (diagnostics and tests). */
  get waitingSubscriptions(): number {
    return this.signal.waiting;
  }

  async head(): Promise<string> {
    this.ensureOpen();
    const rows = await this.query<{ head: string }>(
      'SELECT coalesce(max(position), 0)::text AS head FROM storyline_events',
    );
    return rows[0].head;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.listener.stop();
    await this.pool.end();
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailable('the PostgreSQL event store is closed');
  }

  /** Runs one statement once the schema is in place; a down server is StoreUnavailable. */
  private async query<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    try {
      await this.ready();
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (error) {
      if (this.closed) throw new StoreUnavailable('the PostgreSQL event store is closed');
      throw toStoreError(error);
    }
  }

  /** Creates or upgrades the schema once; after a failure, the next call tries again. */
  private ready(): Promise<void> {
    this.schema ??= ensureSchema(this.pool).catch((error: unknown) => {
      this.schema = undefined;
      throw error;
    });
    return this.schema;
  }
}
