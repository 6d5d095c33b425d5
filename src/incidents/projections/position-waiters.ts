import { comparePositions } from '../../event-store/event-store.js';

interface Waiter {
  position: string;
  settle: (reached: boolean) => void;
}

/**
 * Promises that resolve when the read model's checkpoint reaches a position: resolved by the
 * commit that reaches it (no polling), or with false after their own timeout.
 */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  /** Resolves true once `reached(position)` is reported, false after `timeoutMs`. */
  wait(position: string, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => waiter.settle(false), timeoutMs);
      const waiter: Waiter = {
        position,
        settle: (reached) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((other) => other !== waiter);
          resolve(reached);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The checkpoint is now `checkpoint`: every waiter at or below it resolves true. */
  reached(checkpoint: string): void {
    for (const waiter of [...this.waiters]) {
      if (comparePositions(waiter.position, checkpoint) <= 0) waiter.settle(true);
    }
  }

  /** Shutting down: nobody waits for a read model that stops. */
  releaseAll(): void {
    for (const waiter of [...this.waiters]) waiter.settle(false);
  }
}
