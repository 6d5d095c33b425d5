import { BACKWARDS, END, FORWARDS, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { Logger } from '@nestjs/common';
import type { Backoff } from '../../common/retry/backoff.js';
import {
  InvalidStoreArgument,
  StoreUnavailable,
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
import { serverFilter } from './kurrentdb-filter.js';
import { parsePosition, readPositionAfter } from './kurrentdb-mapping.js';
import { appendEvents, type AppendContext } from './kurrentdb-append.js';
import { ReplaceableClient } from './replaceable-client.js';
import { fillPage } from './fill-page.js';
import { LEADER, collect, collectAllPage, readStreamEvents } from './kurrentdb-reads.js';
import { openAllSubscription } from './kurrentdb-subscription-source.js';
import { ResubscribingSubscription, type Drop } from './resubscribing-subscription.js';

/** Latest records head() scans: the newest may be a `$` record storyline skips (a tombstone). */
const HEAD_WINDOW = 32;

export interface KurrentDBEventStoreOptions {
  /** Reconnection waits of subscriptions (default 100 ms doubling to 10 s). */
  backoff?: Backoff;
  /** Called when a client failure made the store replace its client (also logged). */
  onClientReplaced?: (reason: string) => void;
}

/**
 * The EventStore port on KurrentDB / EventStoreDB (server 22.6 or later; KurrentDB 24, 25).
 * Appends: see appendEvents (one round trip, idempotent retries, client replacement).
 */
export class KurrentDBEventStore implements EventStore {
  readonly kind = 'kurrentdb';
  private readonly logger = new Logger('KurrentDBEventStore');
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private closed = false;

  private readonly appendContext: AppendContext;

  private constructor(
    private readonly clients: ReplaceableClient,
    private readonly options: KurrentDBEventStoreOptions,
  ) {
    this.appendContext = {
      clients,
      guard: (step) => this.guard(step),
      reported: (error) => this.reported(error),
      replaced: (reason) => {
        this.logger.warn(`${reason}: replaced the KurrentDB client`);
        options.onClientReplaced?.(reason);
      },
    };
  }

  private get client(): KurrentDBClient {
    return this.clients.current();
  }

  /** Creates the client; it connects lazily, so an unreachable server is not an error here. */
  static open(
    connectionString: string,
    options: KurrentDBEventStoreOptions = {},
  ): KurrentDBEventStore {
    const create = () => KurrentDBClient.connectionString(connectionString);
    let clients: ReplaceableClient;
    try {
      clients = new ReplaceableClient(create);
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new StoreLocationError(
        `STORYLINE_STORE is not a valid KurrentDB connection string (${redactConnectionString(connectionString)}): ${reason}`,
      );
    }
    return new KurrentDBEventStore(clients, options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.ensureOpen();
    return appendEvents(this.appendContext, streamId, events, options);
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
    await this.clients.dispose();
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
