/** The gate is full: every slot is busy and the queue is at its limit. */
export class GateSaturated extends Error {
  override readonly name = 'GateSaturated';
}

/** The caller gave up (it went away, or its budget ran out) before its turn came. */
export class GateAbandoned extends Error {
  override readonly name = 'GateAbandoned';
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (error: Error) => void;
}

/**
 * At most `slots` pieces of work at once, at most `queue` more waiting, first come first served.
 * A waiter whose signal aborts leaves the queue and never runs.
 */
export class WorkGate {
  private busy = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly slots: number,
    private readonly queue: number,
  ) {}

  get running(): number {
    return this.busy;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once a slot is this caller's. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new GateAbandoned('abandoned before its turn'));
    if (this.busy < this.slots) {
      this.busy += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) {
      return Promise.reject(new GateSaturated('every slot and queue place is taken'));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      this.waiting.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.waiting.indexOf(waiter);
          if (index < 0) return;
          this.waiting.splice(index, 1);
          reject(new GateAbandoned('abandoned before its turn'));
        },
        { once: true },
      );
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.resolve(this.releaser());
      else this.busy -= 1;
    };
  }
}
