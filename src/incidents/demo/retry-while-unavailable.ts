import { StoreUnavailable } from '../../event-store/event-store.js';

export interface RetryOptions {
  /** The wait before retry number n (0-based) in ms. */
  delay: (retry: number) => number;
  /** Called before each wait, with the failure and the wait. */
  onRetry?: (error: StoreUnavailable, retry: number, delayMs: number) => void;
}

/** Waits doubling from 1 s, capped at 30 s: a cluster electing a leader takes seconds. */
export const demoRetryDelay = (retry: number): number => Math.min(30_000, 1000 * 2 ** retry);

/**
 * Runs `attempt` until it does not fail with StoreUnavailable (any other error ends it), in the
 * background, waiting between tries. `stop()` ends the retries (a pending wait is cleared);
 * `done` settles with the attempt's outcome, or resolves false when stopped first.
 */
export function retryWhileUnavailable(
  attempt: () => Promise<void>,
  options: RetryOptions,
): { done: Promise<boolean>; stop: () => void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  const run = async (): Promise<boolean> => {
    for (let retry = 0; ; retry++) {
      if (stopped) return false;
      try {
        await attempt();
        return true;
      } catch (error) {
        if (!(error instanceof StoreUnavailable)) throw error;
        // stopped while the attempt ran (the store closing under it): no further wait
        if (stopped) return false;
        const delayMs = options.delay(retry);
        options.onRetry?.(error, retry, delayMs);
        await wait(delayMs);
      }
    }
  };
  return {
    done: run(),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
  };
}
