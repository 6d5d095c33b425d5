import {
  DEFAULT_BACKOFF,
  backoffDelay,
  sleepUnlessAborted,
  type Backoff,
  type Sleep,
} from '../../common/retry/backoff.js';
import { comparePositions, type StoredEvent, type Subscription } from '../event-store.js';

/** One connection of a subscription: its events, and how to stop it. */
export interface SourceStream {
  events: AsyncIterator<StoredEvent>;
  cancel(): Promise<void>;
}

/** Opens a connection that delivers the matching events strictly after `after`. */
export type OpenSource = (after: string) => SourceStream;

/** Why and how a connection is about to be re-established. */
export interface Drop {
  error: unknown;
  /** 1 for the first reconnection since the last delivered event. */
  attempt: number;
  delayMs: number;
  /** The last delivered position: the next connection starts after it. */
  after: string;
}

export interface ResubscribeOptions {
  after: string;
  open: OpenSource;
  backoff?: Backoff;
  onDrop?: (drop: Drop) => void;
  /** Called once when close() is called. */
  onClose?: () => void;
  /** Waits, or returns early when the signal aborts (injected so tests take no real time). */
  sleep?: Sleep;
}

const CLOSED = Symbol('closed');

/**
 * A subscription that survives dropped connections: on an error or an end it opens a new
 * connection after the last delivered position, waiting longer each time (capped) until an event
 * arrives again. The client library never does this by itself. Pull-based: a connection is only
 * asked for its next event when the consumer asks for one.
 */
export class ResubscribingSubscription implements Subscription {
  private readonly closing = new AbortController();
  private readonly closed: Promise<typeof CLOSED>;
  private readonly backoff: Backoff;
  private readonly sleep: Sleep;
  private current: SourceStream | undefined;
  private last: string;
  private iteration: AsyncGenerator<StoredEvent> | undefined;

  constructor(private readonly options: ResubscribeOptions) {
    this.last = options.after;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.sleep = options.sleep ?? sleepUnlessAborted;
    this.closed = new Promise((resolve) => {
      this.closing.signal.addEventListener('abort', () => resolve(CLOSED), { once: true });
    });
  }

  /** The position of the last event handed to the consumer. */
  get position(): string {
    return this.last;
  }

  /** The one iteration of this subscription (asking again returns it, done once it ended). */
  [Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
    this.iteration ??= this.run();
    return this.iteration;
  }

  async close(): Promise<void> {
    this.finish();
    await this.current?.cancel().catch(() => undefined);
  }

  /** Ends the subscription once, whether by close() or by the consumer leaving the loop. */
  private finish(): void {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.options.onClose?.();
  }

  private async *run(): AsyncGenerator<StoredEvent> {
    try {
      yield* this.resubscribing();
    } finally {
      this.finish();
    }
  }

  private async *resubscribing(): AsyncGenerator<StoredEvent> {
    let attempt = 0;
    while (!this.closing.signal.aborted) {
      let dropped: unknown = new Error('the subscription ended');
      let source: SourceStream | undefined;
      try {
        source = this.options.open(this.last);
        this.current = source;
        for (;;) {
          if (this.closing.signal.aborted) return;
          const next = await Promise.race([source.events.next(), this.closed]);
          if (next === CLOSED) return;
          if (next.done) break;
          attempt = 0;
          // a new connection may repeat what the old one already delivered
          if (comparePositions(next.value.position, this.last) <= 0) continue;
          this.last = next.value.position;
          yield next.value;
        }
      } catch (error) {
        dropped = error;
      } finally {
        this.current = undefined;
        await source?.cancel().catch(() => undefined);
      }
      if (this.closing.signal.aborted) return;
      const delayMs = backoffDelay(attempt, this.backoff);
      attempt += 1;
      this.options.onDrop?.({ error: dropped, attempt, delayMs, after: this.last });
      await this.sleep(delayMs, this.closing.signal);
    }
  }
}
