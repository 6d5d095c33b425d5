import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DEFAULT_BACKOFF, backoffDelay, sleepUnlessAborted } from '../../common/retry/backoff.js';
import {
  comparePositions,
  EVENT_STORE,
  type EventStore,
  type StoredEvent,
  type Subscription,
} from '../../event-store/event-store.js';
import { ReadModelProgress } from '../application/read-model-progress.js';
import { PagedSubscription } from '../../event-store/paged-subscription.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { INCIDENT_STREAM_PREFIX } from '../domain/events.js';
import { PositionWaiters } from './position-waiters.js';
import { ProjectionWriter } from './projection-writer.js';
import { ReadModelDatabase } from './read-model-database.js';

/**
 * Events applied in one transaction at most; what is immediately available is drained up to it.
 * Large, so a catch-up commits (and rewrites each changed claim row) rarely; live batches are
 * what arrived since the last flush, far below it.
 */
const MAX_BATCH = 5000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps the read model up to date: ONE catch-up subscription to the incident streams from the
 * stored checkpoint, applied in batches (one transaction each, checkpoint included). If the store
 * fails it logs and subscribes again from the last committed checkpoint, with capped backoff.
 */
@Injectable()
export class ProjectionRunner
  extends ReadModelProgress
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger('projections');
  private readonly waiters = new PositionWaiters();
  private checkpoint = '0';
  private buffer: StoredEvent[] = [];
  private flushQueued = false;
  private failed = false;
  private failures = 0;
  private subscription: Subscription | undefined;
  private stopped = false;
  private readonly stopping = new AbortController();
  private loop: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModel: ReadModelDatabase,
    private readonly writer: ProjectionWriter,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.checkpoint = this.readModel.checkpoint();
    this.logger.log(`projections start after position ${this.checkpoint}`);
    if (this.store instanceof SqliteEventStore && this.readModel.isShared())
      this.store.project({
        streamPrefix: INCIDENT_STREAM_PREFIX,
        position: () => this.checkpoint,
        apply: (events) => this.applyInline(events),
        committed: (checkpoint) => {
          this.advance(checkpoint);
          // the subscription need not read these events back
          if (this.subscription instanceof PagedSubscription) this.subscription.skipTo(checkpoint);
        },
      });
    this.loop = this.run();
  }

  /**
   * Inline (embedded store): a batch's events, in its append transaction, once the read model
   * has applied every incident event before them (the store checks); else the subscription
   * brings them in order. A failure is logged and left to the subscription's round (the store
   * undoes only these rows).
   */
  private applyInline(events: readonly StoredEvent[]): string | undefined {
    if (this.stopped || this.failed) return undefined;
    try {
      return this.writer.apply(this.readModel.generation(), events);
    } catch (error) {
      this.logger.error(`could not apply ${events.length} events inline: ${message(error)}`);
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await this.subscription?.close();
    await this.loop;
    this.waiters.releaseAll();
  }

  /** The position the read model has applied (its committed checkpoint). */
  position(): string {
    return this.checkpoint;
  }

  /** Resolves true once the read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: string, timeoutMs: number): Promise<boolean> {
    if (comparePositions(position, this.checkpoint) <= 0) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  /** A rebuilt generation became current with this checkpoint (never behind the old one). */
  adopt(checkpoint: string): void {
    this.advance(checkpoint);
  }

  private advance(checkpoint: string): void {
    if (comparePositions(checkpoint, this.checkpoint) <= 0) return;
    this.checkpoint = checkpoint;
    this.waiters.reached(checkpoint);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.follow();
        if (!this.stopped && !this.failed)
          this.logger.warn('the event store ended the subscription');
      } catch (error) {
        this.logger.warn(`the subscription failed: ${message(error)}`);
      }
      if (this.stopped) return;
      this.failures += 1;
      const delay = backoffDelay(this.failures - 1, DEFAULT_BACKOFF);
      this.logger.warn(`subscribing again after ${this.checkpoint} in ${delay} ms`);
      await sleepUnlessAborted(delay, this.stopping.signal);
    }
  }

  /** One subscription from the committed checkpoint, until it ends, fails or we stop. */
  private async follow(): Promise<void> {
    this.buffer = [];
    this.failed = false;
    const subscription = this.store.subscribe({
      after: this.checkpoint,
      streamPrefix: INCIDENT_STREAM_PREFIX,
    });
    this.subscription = subscription;
    try {
      for await (const event of subscription) {
        if (this.failed || this.stopped) break;
        this.buffer.push(event);
        if (this.buffer.length >= MAX_BATCH) {
          this.flush();
          // a long catch-up must not starve requests: yield between batches
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else this.queueFlush();
      }
    } finally {
      this.subscription = undefined;
      await subscription.close();
      // what was delivered before the end is contiguous with the checkpoint: keep it
      if (!this.failed) this.flush();
      this.buffer = [];
    }
  }

  /** Flushes once the events already at hand are buffered (setImmediate runs after them). */
  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    // what an append's transaction applied already (inline) is only passed over
    const batch = this.buffer.filter(
      (event) => comparePositions(event.position, this.checkpoint) > 0,
    );
    this.buffer = [];
    if (batch.length === 0 || this.failed) return;
    try {
      this.advance(this.writer.apply(this.readModel.generation(), batch));
      this.failures = 0;
    } catch (error) {
      // nothing of the batch is committed: drop what follows and resume from the checkpoint
      this.logger.error(`could not apply ${batch.length} events: ${message(error)}`);
      this.failed = true;
      void this.subscription?.close();
    }
  }
}
