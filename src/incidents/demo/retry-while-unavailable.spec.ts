import { describe, expect, test } from '@jest/globals';
import { StoreUnavailable } from '../../event-store/event-store.js';
import { demoRetryDelay, retryWhileUnavailable } from './retry-while-unavailable.js';

describe('retryWhileUnavailable (the demo loader waiting for a store that is starting)', () => {
  test('retries while the store is unavailable, then succeeds', async () => {
    let calls = 0;
    const retries: number[] = [];
    const { done } = retryWhileUnavailable(
      async () => {
        await Promise.resolve(); // settles on a later tick, as a store call does
        calls += 1;
        if (calls < 3) throw new StoreUnavailable('No leader info available');
      },
      { delay: () => 1, onRetry: (_error, retry) => retries.push(retry) },
    );
    expect(await done).toBe(true);
    expect(calls).toBe(3);
    expect(retries).toEqual([0, 1]);
  });

  test('any other error ends it: it is not an outage', async () => {
    let calls = 0;
    const { done } = retryWhileUnavailable(
      async () => {
        await Promise.resolve(); // settles on a later tick, as a store call does
        calls += 1;
        throw new TypeError('bug');
      },
      { delay: () => 1 },
    );
    await expect(done).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  test('stop() ends a pending wait at once and no attempt follows', async () => {
    let calls = 0;
    let retried: () => void = () => undefined;
    const firstRetry = new Promise<void>((resolve) => (retried = resolve));
    const retry = retryWhileUnavailable(
      async () => {
        await Promise.resolve(); // settles on a later tick, as a store call does
        calls += 1;
        throw new StoreUnavailable('down');
      },
      { delay: () => 60_000, onRetry: () => retried() },
    );
    await firstRetry;
    retry.stop();
    // a wait that stop() did not clear would hold this for 60 s, past the test's timeout
    expect(await retry.done).toBe(false);
    expect(calls).toBe(1);
  });

  test('the demo waits 1 s doubling, capped at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(demoRetryDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
});
