import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Counts the HTTP requests being served, so shutdown can wait for them before it stops the
 * projections and closes the store (Nest's own close runs those hooks before closing HTTP).
 */
export class InFlightRequests {
  private count = 0;
  private waiters: (() => void)[] = [];

  readonly middleware = (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    this.count += 1;
    res.once('close', () => {
      this.count -= 1;
      if (this.count === 0) this.waiters.splice(0).forEach((resolve) => resolve());
    });
    next();
  };

  get size(): number {
    return this.count;
  }

  /** Resolves true once no request is in flight, false when `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
