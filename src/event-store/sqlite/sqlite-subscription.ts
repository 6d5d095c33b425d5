import type { StoredEvent, Subscription } from '../event-store.js';
import type { CommitSignal } from './commit-signal.js';

/** Reads up to `limit` events of the subscription's scope with a position after `after`. */
export type PageReader = (after: bigint, limit: number) => StoredEvent[];

const PAGE_SIZE = 500;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A pull-based catch-up subscription. Each page is read from the table after the last position
 * delivered, and only when the consumer has taken the previous one, so it holds at most one page
 * and there is no separate live buffer: catch-up and live are the same query, hence no gap or
 * duplicate at the hand-over. When caught up it sleeps until the next commit in this process.
 */
export class SqliteSubscription implements Subscription, AsyncIterator<StoredEvent, undefined> {
  private page: StoredEvent[] = [];
  private index = 0;
  private last: bigint;
  private closed = false;
  private wake: (() => void) | undefined;
  // next() calls are served one after another, as the iterator protocol expects
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readPage: PageReader,
    private readonly signal: CommitSignal,
    after: string,
    private readonly onClose: (subscription: SqliteSubscription) => void,
  ) {
    this.last = BigInt(after);
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

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.page = [];
      const wake = this.wake;
      if (wake) {
        this.signal.cancel(wake);
        wake();
      }
      this.onClose(this);
    }
    return Promise.resolve();
  }

  private async pull(): Promise<IteratorResult<StoredEvent, undefined>> {
    for (;;) {
      if (this.closed) return DONE;
      if (this.index < this.page.length) return { done: false, value: this.page[this.index++] };
      const page = this.readPage(this.last, PAGE_SIZE);
      if (page.length > 0) {
        this.page = page;
        this.index = 0;
        this.last = BigInt(page[page.length - 1].position);
        continue;
      }
      // read and wait in the same synchronous step: no commit can slip in between
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.signal.wait(resolve);
      });
      this.wake = undefined;
    }
  }
}
