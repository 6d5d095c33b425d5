import { describe, expect, test } from '@jest/globals';
import { backoffDelay, sleepUnlessAborted } from './backoff.js';

describe('backoffDelay', () => {
  test('doubles from the initial wait and stops at the cap', () => {
    const backoff = { initialMs: 100, maxMs: 10_000 };
    expect([0, 1, 2, 3, 6, 7, 8, 50].map((attempt) => backoffDelay(attempt, backoff))).toEqual([
      100, 200, 400, 800, 6400, 10_000, 10_000, 10_000,
    ]);
  });
});

describe('sleepUnlessAborted', () => {
  test('waits the time it is given', async () => {
    const started = performance.now();
    await sleepUnlessAborted(30, new AbortController().signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  test('an abort ends the wait at once, without an error', async () => {
    const stop = new AbortController();
    const started = performance.now();
    const waiting = sleepUnlessAborted(60_000, stop.signal, { ref: false });
    stop.abort();
    await expect(waiting).resolves.toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('an already aborted signal does not wait', async () => {
    const stop = new AbortController();
    stop.abort();
    const started = performance.now();
    await sleepUnlessAborted(60_000, stop.signal);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
