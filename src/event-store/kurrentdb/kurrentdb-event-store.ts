import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { Logger } from '@nestjs/common';
import {
  IdempotencyMismatch,
  InvalidStoreArgument,
  StoreUnavailable,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.js';
import { StoreLocationError, redactConnectionString } from '../store-location.js';
import { StoreAccessDenied, toPortError } from './kurrentdb-errors.js';
import { validateAppend } from './append-arguments.js';
import { serverFilter } from './kurrentdb-filter.js';
import {
  parsePosition,
  readPositionAfter,
  toActualRevision,
  toEventData,
  toStreamState,
} from './kurrentdb-mapping.js';
import { fillPage } from './fill-page.js';
import {
  LEADER,
  collect,
  collectAllPage,
  findStored,
  positionAt,
  readStreamEvents,
} from './kurrentdb-reads.js';
import { openAllSubscription } from './kurrentdb-subscription-source.js';
import {
  ResubscribingSubscription,
  type Backoff,
  type Drop,
} from './resubscribing-subscription.js';

/** How many of a stream's latest events an append searches for a retry's ids. */
const RETRY_WINDOW = 64;

/** Latest records head() scans: the newest may be a `$` record storyline skips (a tombstone). */
const HEAD_WINDOW = 32;

export interface KurrentDBEventStoreOptions {
  /** Reconnection waits of subscriptions (default 100 ms doubling to 10 s). */
  backoff?: Backoff;
}

/**
 * The EventStore port on KurrentDB / EventStoreDB (server 22.6 or later; KurrentDB 24, 25).
 *
 * Idempotent retries ("every id already stored → the original result, nothing written; some →
 * IdempotencyMismatch"), checked before the expected revision as the port requires:
 * - before writing, the stream's latest events (RETRY_WINDOW of them) are searched for the ids,
 *   which catches a retry with any expected state unless the stream grew a lot meanwhile;
 * - the write uses the caller's exact expected state, for which the server itself drops a
 *   repeated event id; deterministic ids from the caller make retries carry the same ids;
 * - a refused write (wrong expected version) searches the whole stream for the ids before
 *   reporting the conflict, so a retry with a stale revision still gets its original result.
 * Beyond the window, a retry with `any`/`exists` relies on the server's best-effort check.
 */
export class KurrentDBEventStore implements EventStore {
  readonly kind = 'kurrentdb';
  private readonly logger = new Logger('KurrentDBEventStore');
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly options: KurrentDBEventStoreOptions,
  ) {}

  /** Creates the client; it connects lazily, so an unreachable server is not an error here. */
  static open(
    connectionString: string,
    options: KurrentDBEventStoreOptions = {},
  ): KurrentDBEventStore {
    let client: KurrentDBClient;
    try {
      client = KurrentDBClient.connectionString(connectionString);
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new StoreLocationError(
        `STORYLINE_STORE is not a valid KurrentDB connection string (${redactConnectionString(connectionString)}): ${reason}`,
      );
    }
    return new KurrentDBEventStore(client, options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.ensureOpen();
    validateAppend(streamId, events);
    const { expectedRevision } = options;
    const streamState = toStreamState(expectedRevision);
    const retried = await this.originalResult(streamId, events, RETRY_WINDOW + events.length);
    if (retried) return retried;
    let result: Awaited<ReturnType<KurrentDBClient['appendToStream']>>;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        ...LEADER,
        streamState,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) {
        throw this.reported(toPortError(error, { streamId, expectedRevision }));
      }
      return this.afterConflict(streamId, events, options, toActualRevision(error.actualState));
    }
    // with throwOnAppendFailure=false in the connection string a conflict comes back as a result
    if (!result.success) return this.afterConflict(streamId, events, options);
    const revision = Number(result.nextExpectedRevision);
    return {
      revision,
      position: await this.guard(() => positionAt(this.client, streamId, revision)),
    };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    this.ensureOpen();
    return this.guard(() => readStreamEvents(this.client, streamId, options));
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.ensureOpen();
    const { after = '0', limit = 1000 } = options;
    if (!Number.isSafeInteger(limit) || limit < 0) throw new InvalidStoreArgument('limit: a count');
    parsePosition(after);
    if (limit === 0) return [];
    const readRaw = (from: string, maxCount: number) =>
      this.guard(() =>
        collectAllPage(
          this.client.readAll({
            ...LEADER,
            direction: FORWARDS,
            fromPosition: readPositionAfter(from),
            maxCount,
            filter: serverFilter({}),
          }),
        ),
      );
    return fillPage(readRaw, after, limit);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const { after, streamId, streamPrefix } = options;
    parsePosition(after);
    if (streamId !== undefined && streamPrefix !== undefined) {
      throw new InvalidStoreArgument('subscribe to a streamId or a streamPrefix, not both');
    }
    const scope = { streamId, streamPrefix };
    const subscription = new ResubscribingSubscription({
      after,
      open: (from) => openAllSubscription(this.client, scope, from),
      backoff: this.options.backoff,
      onDrop: (drop) => this.logDrop(drop),
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async head(): Promise<string> {
    this.ensureOpen();
    const read = this.client.readAll({
      ...LEADER,
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: HEAD_WINDOW,
      filter: serverFilter({}),
    });
    const [latest] = await this.guard(() => collect(read));
    return latest?.position ?? '0';
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** The original result when every event is already stored; IdempotencyMismatch when some are. */
  private async originalResult(
    streamId: string,
    events: readonly NewEvent[],
    window?: number,
  ): Promise<AppendResult | undefined> {
    const ids = events.map((event) => event.eventId);
    const stored = await this.guard(() => findStored(this.client, streamId, ids, window));
    if (stored.size === 0) return undefined;
    if (stored.size < ids.length) throw new IdempotencyMismatch(streamId, [...stored.keys()]);
    const last = [...stored.values()].reduce((a, b) => (b.revision > a.revision ? b : a));
    return { revision: last.revision, position: last.position };
  }

  /** A refused append: a concurrent retry may have stored the same events since the check. */
  private async afterConflict(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    actual?: number,
  ): Promise<AppendResult> {
    const original = await this.originalResult(streamId, events);
    if (original) return original;
    const [last] =
      actual === undefined
        ? await this.readStream(streamId, { direction: 'backwards', limit: 1 })
        : [];
    throw new WrongExpectedRevision(
      streamId,
      options.expectedRevision,
      actual ?? last?.revision ?? -1,
    );
  }

  private async guard<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw this.reported(error);
    }
  }

  /** Logs what an operator must fix (credentials) once per occurrence, loudly. */
  private reported(error: unknown): unknown {
    if (error instanceof StoreAccessDenied) this.logger.error(error.message);
    return error;
  }

  private logDrop({ error, attempt, delayMs, after }: Drop): void {
    const mapped = toPortError(error);
    const reason = mapped instanceof Error ? mapped.message : String(mapped);
    const line = `subscription dropped (${reason}); resubscribing after position ${after} in ${delayMs} ms (attempt ${attempt})`;
    if (mapped instanceof StoreAccessDenied) this.logger.error(line);
    else this.logger.warn(line);
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailable('the KurrentDB event store is closed');
  }
}
