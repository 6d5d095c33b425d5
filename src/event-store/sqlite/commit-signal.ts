/**
 * Wakes waiting subscriptions after each commit in this process, so they re-read the table
 * instead of polling it on a timer.
 */
export class CommitSignal {
  private waiters = new Set<() => void>();

  /** Calls `wake` once, after the next commit (or `cancel`). */
  wait(wake: () => void): void {
    this.waiters.add(wake);
  }

  cancel(wake: () => void): void {
    this.waiters.delete(wake);
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }
}
