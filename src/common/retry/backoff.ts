import { setTimeout as wait } from 'node:timers/promises';

/** Waits that double from `initialMs` on each retry, capped at `maxMs`. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 10_000 };

/** The wait before retry number `attempt` (0-based): doubling from initialMs, capped. */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * Waits `ms`, or returns early (never rejects) once `signal` aborts: stopping cuts a retry's wait
 * short. `ref: false` lets the process exit while it waits.
 */
export async function sleepUnlessAborted(
  ms: number,
  signal: AbortSignal,
  { ref = true }: { ref?: boolean } = {},
): Promise<void> {
  if (signal.aborted) return;
  try {
    await wait(ms, undefined, { signal, ref });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
