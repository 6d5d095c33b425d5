/** What one request of a batch came to: its own result or its own error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending<Req, Res> {
  request: Req;
  resolve: (value: Res) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests that arrive together (in the same turn of the event loop, or while a
 * commit holds it) are handed to `commitBatch` as one batch, so one transaction and one fsync
 * serve them all. Each caller's promise settles with its own outcome, only after the batch
 * committed; if the batch as a whole fails, every caller in it gets that error.
 */
export class GroupCommit<Req, Res> {
  private queue: Pending<Req, Res>[] = [];
  private scheduled = false;

  constructor(
    private readonly commitBatch: (requests: readonly Req[]) => Outcome<Res>[],
    private readonly maxBatch = 1000,
  ) {}

  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Commits everything queued, now (before the store closes). */
  flush(): void {
    while (this.queue.length > 0) this.commitNext();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: lets every request of this loop turn join the batch
    setImmediate(() => {
      this.scheduled = false;
      this.commitNext();
      if (this.queue.length > 0) this.schedule();
    });
  }

  private commitNext(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    let outcomes: Outcome<Res>[];
    try {
      outcomes = this.commitBatch(batch.map((pending) => pending.request));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}
