import { describe, expect, test } from '@jest/globals';
import type { StoredEvent } from '../event-store.js';
import {
  ResubscribingSubscription,
  type Drop,
  type SourceStream,
} from './resubscribing-subscription.js';

const at = (position: number) =>
  ({ position: String(position), eventId: `e${position}` }) as StoredEvent;

/** What one connection of the scripted source does after its events. */
type Ending = 'end' | 'error' | 'hang';

/**
 * A scripted subscription source (a stand-in for the client's connection, which cannot run
 * here): connection i delivers script[i].events then ends, fails or waits until cancelled.
 */
class ScriptedSource {
  readonly opens: string[] = [];
  readonly pulls: number[] = [];
  cancels = 0;

  constructor(private readonly script: { events: number[]; then: Ending }[]) {}

  open = (after: string): SourceStream => {
    const index = this.opens.length;
    this.opens.push(after);
    this.pulls.push(0);
    const { events, then } = this.script[Math.min(index, this.script.length - 1)];
    let next = 0;
    let release: () => void = () => undefined;
    const cancelled = new Promise<void>((resolve) => (release = resolve));
    return {
      events: {
        next: async (): Promise<IteratorResult<StoredEvent>> => {
          this.pulls[index] += 1;
          if (next < events.length) return { done: false, value: at(events[next++]) };
          if (then === 'error') throw new Error(`connection ${index} dropped`);
          if (then === 'hang') await cancelled;
          return { done: true, value: undefined };
        },
      },
      cancel: () => {
        this.cancels += 1;
        release();
        return Promise.resolve();
      },
    };
  };
}

/** A sleep that records each wait and returns at once. */
function recordingSleep(waits: number[]) {
  return (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
}

async function take(subscription: ResubscribingSubscription, n: number): Promise<string[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const positions: string[] = [];
  while (positions.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    positions.push(next.value.position);
  }
  return positions;
}

describe('ResubscribingSubscription', () => {
  test('after an error it resubscribes from the last delivered position', async () => {
    const source = new ScriptedSource([
      { events: [10, 20], then: 'error' },
      { events: [30, 40], then: 'hang' },
    ]);
    const drops: Drop[] = [];
    const subscription = new ResubscribingSubscription({
      after: '5',
      open: source.open,
      sleep: recordingSleep([]),
      onDrop: (drop) => drops.push(drop),
    });
    expect(await take(subscription, 4)).toEqual(['10', '20', '30', '40']);
    expect(source.opens).toEqual(['5', '20']);
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ attempt: 1, delayMs: 100, after: '20' });
    expect(String(drops[0].error)).toMatch(/connection 0 dropped/);
    await subscription.close();
  });

  test('a connection that ends is re-established the same way', async () => {
    const source = new ScriptedSource([
      { events: [1], then: 'end' },
      { events: [2], then: 'hang' },
    ]);
    const subscription = new ResubscribingSubscription({
      after: '0',
      open: source.open,
      sleep: recordingSleep([]),
    });
    expect(await take(subscription, 2)).toEqual(['1', '2']);
    expect(source.opens).toEqual(['0', '1']);
    await subscription.close();
  });

  test('waits grow while nothing arrives, are capped, and reset once an event is delivered', async () => {
    const source = new ScriptedSource([
      { events: [], then: 'error' },
      { events: [], then: 'error' },
      { events: [], then: 'error' },
      { events: [], then: 'error' },
      { events: [7], then: 'error' },
      { events: [8], then: 'hang' },
    ]);
    const waits: number[] = [];
    const subscription = new ResubscribingSubscription({
      after: '0',
      open: source.open,
      backoff: { initialMs: 100, maxMs: 500 },
      sleep: recordingSleep(waits),
    });
    expect(await take(subscription, 2)).toEqual(['7', '8']);
    expect(waits).toEqual([100, 200, 400, 500, 100]);
    expect(source.opens).toEqual(['0', '0', '0', '0', '0', '7']);
    await subscription.close();
  });

  test('events a new connection repeats are not delivered twice', async () => {
    const source = new ScriptedSource([
      { events: [1, 2, 3], then: 'error' },
      { events: [2, 3, 4], then: 'hang' },
    ]);
    const subscription = new ResubscribingSubscription({
      after: '0',
      open: source.open,
      sleep: recordingSleep([]),
    });
    expect(await take(subscription, 4)).toEqual(['1', '2', '3', '4']);
    await subscription.close();
  });

  test('pull-based: the connection is asked for an event only when the consumer asks', async () => {
    const source = new ScriptedSource([{ events: [1, 2, 3, 4, 5], then: 'hang' }]);
    const subscription = new ResubscribingSubscription({ after: '0', open: source.open });
    expect(await take(subscription, 2)).toEqual(['1', '2']);
    expect(source.pulls).toEqual([2]);
    await subscription.close();
  });

  test('close() resolves a pending next() as done and cancels the connection', async () => {
    const source = new ScriptedSource([{ events: [1], then: 'hang' }]);
    let closedCalls = 0;
    const subscription = new ResubscribingSubscription({
      after: '0',
      open: source.open,
      onClose: () => (closedCalls += 1),
    });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ position: '1' });
    const pending = iterator.next();
    await subscription.close();
    await subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(source.cancels).toBeGreaterThanOrEqual(1);
    expect(closedCalls).toBe(1);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  test('leaving a for-await loop ends the subscription; iterating it again is done at once', async () => {
    const source = new ScriptedSource([{ events: [1, 2, 3], then: 'hang' }]);
    let closedCalls = 0;
    const subscription = new ResubscribingSubscription({
      after: '0',
      open: source.open,
      onClose: () => (closedCalls += 1),
    });
    const seen: string[] = [];
    for await (const event of subscription) {
      seen.push(event.position);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['1', '2']);
    expect(source.cancels).toBe(1);
    expect(closedCalls).toBe(1);
    expect(await subscription[Symbol.asyncIterator]().next()).toEqual({
      done: true,
      value: undefined,
    });
    await subscription.close();
    expect(closedCalls).toBe(1);
  });

  test('close() during a backoff wait ends the iteration without waiting it out', async () => {
    const source = new ScriptedSource([{ events: [], then: 'error' }]);
    let dropped!: () => void;
    const firstDrop = new Promise<void>((resolve) => (dropped = resolve));
    const subscription = new ResubscribingSubscription({
      after: '0',
      open: source.open,
      // a real timer: an hour, so only close() can end this test in time
      backoff: { initialMs: 3_600_000, maxMs: 3_600_000 },
      onDrop: () => dropped(),
    });
    const pending = subscription[Symbol.asyncIterator]().next();
    await firstDrop;
    await subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(source.opens).toEqual(['0']);
  });

  test('a connection that cannot even be opened is retried like a dropped one', async () => {
    let opens = 0;
    const fallback = new ScriptedSource([{ events: [3], then: 'hang' }]);
    const subscription = new ResubscribingSubscription({
      after: '0',
      open: (after) => {
        opens += 1;
        if (opens === 1) throw new Error('client disposed');
        return fallback.open(after);
      },
      sleep: recordingSleep([]),
    });
    expect(await take(subscription, 1)).toEqual(['3']);
    expect(opens).toBe(2);
    await subscription.close();
  });
});
