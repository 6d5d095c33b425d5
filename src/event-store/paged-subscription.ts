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
      const page = await this.readPage(this.last, PAGE_SIZE);
      if (this.closed) return DONE;
      if (page.length > 0) {
        this.page = page;
        this.index = 0;
        const last = page[page.length - 1].position;
        if (comparePositions(last, this.last) > 0) this.last = last;
        continue;
      }
      await this.signal.after(seen, (cancel) => (this.cancelWait = cancel));
      this.cancelWait = undefined;
    }
  }
}
