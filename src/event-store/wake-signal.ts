/**
 * Tells waiting subscriptions that the log may have grown. A counter, not a bare callback list:
 * a subscription notes the generation BEFORE it reads, and if the read comes back empty it waits
 * for a later generation — so a wake-up that arrives while the read is in flight is not lost.
 */
export class WakeSignal {
  private current = 0;
  private waiters = new Set<() => void>();

  get generation(): number {
    return this.current;
  }

  get waiting(): number {
    return this.waiters.size;
  }

  /** Resolves once the generation is past `seen`, or when `cancel` is called for it. */
  after(seen: number, register: (cancel: () => void) => void): Promise<void> {
    if (this.current > seen) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiters.add(resolve);
      register(() => {
        this.waiters.delete(resolve);
        resolve();
      });
    });
  }

  notify(): void {
    this.current += 1;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }
}
