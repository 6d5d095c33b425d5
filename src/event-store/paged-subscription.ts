import { comparePositions, type StoredEvent, type Subscription } from './event-store.js';
import type { WakeSignal } from './wake-signal.js';

/** Reads up to `limit` events of the subscription's scope with a position after `after`. */
export type PageReader = (after: string, limit: number) => StoredEvent[] | Promise<StoredEvent[]>;

const PAGE_SIZE = 500;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A pull-based catch-up subscription on a table-shaped log (SQLite, PostgreSQL): each page is read
 * after the last position delivered, only when the consumer has taken the previous one, so it
 * holds at most one page; catch-up and live are the same query, so there is no gap or duplicate at
 * the hand-over. Caught up, it waits for the store's wake signal (a commit in this process, a
 * PostgreSQL NOTIFY from any instance, or the safety poll). A failed read rejects `next()` with the
 * store's error; the consumer subscribes again from its position.
 */
export class PagedSubscription implements Subscription, AsyncIterator<StoredEvent, undefined> {
  private page: StoredEvent[] = [];
  private index = 0;
  private last: string;
  private closed = false;
  private cancelWait: (() => void) | undefined;
  /** The wake generation up to which a hand-over told it everything (no read needed), or -1. */
  private toldUpTo = -1;
  /** A page read is in flight (an asynchronous reader): a hand-over now could be overwritten. */
  private reading = false;
  // next() calls are served one after another, as the iterator protocol expects
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readPage: PageReader,
    private readonly signal: WakeSignal,
    after: string,
    private readonly onClose: (subscription: PagedSubscription) => void,
  ) {
    this.last = after;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<StoredEvent, undefined>> {
    const result = this.turn.then(() => this.pull());
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** Called by `for await` on break: ends the subscription. */
  async return(): Promise<IteratorReturnResult<undefined>> {
    await this.close();
    return DONE;
  }

  /**
   * The consumer has every event of the scope up to `position` already (a projection applied
   * them in the appends' own transaction): the next page is read after it, not after the last
   * delivered. Events of a page already read are still delivered.
   */
  skipTo(position: string): void {
    if (comparePositions(position, this.last) > 0) this.last = position;
  }

  /**
   * The store hands over the events it has just committed: `events` are every event of this
   * subscription's scope with a position in (`before`, `through`], and `generation` is the wake
   * generation its notify will bring. Taken only when the subscription has delivered its page and
   * holds everything up to `before` (else a gap: it reads from the table as usual); then its next
   * wake-up delivers them without a read. Returns whether it took them.
   */
  handOver(
    before: string,
    through: string,
    events: readonly StoredEvent[],
    generation: number,
  ): boolean {
    if (this.closed || this.reading || this.index < this.page.length) return false;
    if (comparePositions(this.last, before) < 0) return false;
    const last = this.last;
    this.page = events.filter((event) => comparePositions(event.position, last) > 0);
    this.index = 0;
    if (comparePositions(through, last) > 0) this.last = through;
    this.toldUpTo = generation;
    return true;
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.page = [];
      this.cancelWait?.();
      this.onClose(this);
    }
    return Promise.resolve();
  }

  private async pull(): Promise<IteratorResult<StoredEvent, undefined>> {
    for (;;) {
      if (this.closed) return DONE;
      if (this.index < this.page.length) return { done: false, value: this.page[this.index++] };
      // the generation before the read: a wake-up while the read is in flight is not lost
      const seen = this.signal.generation;
      if (seen === this.toldUpTo) {
        // a hand-over told it everything up to this wake-up: nothing to read until the next
        await this.waitAfter(seen);
        continue;
      }
      this.reading = true;
      let page: StoredEvent[];
      try {
        page = await this.readPage(this.last, PAGE_SIZE);
      } finally {
        this.reading = false;
      }
      if (this.closed) return DONE;
      if (page.length > 0) {
        this.page = page;
        this.index = 0;
        const last = page[page.length - 1].position;
        if (comparePositions(last, this.last) > 0) this.last = last;
        continue;
      }
      await this.waitAfter(seen);
    }
  }

  private async waitAfter(seen: number): Promise<void> {
    await this.signal.after(seen, (cancel) => (this.cancelWait = cancel));
    this.cancelWait = undefined;
  }
}
