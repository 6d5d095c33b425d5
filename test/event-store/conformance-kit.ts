import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import {
  comparePositions,
  type EventStore,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from '../../src/event-store/event-store.js';

/**
 * How the conformance suite reaches an adapter. `open()` may be called several times and must
 * open the same storage each time (the suite reopens it to prove nothing is lost on close).
 */
export interface EventStoreFactory {
  open(): Promise<EventStore>;
  /** Removes what the factory created; every store it opened has been closed by then. */
  cleanup?(): Promise<void>;
}

/** What the suite's sections share: the store opened for the suite, and the factory. */
export interface ConformanceContext {
  readonly factory: EventStoreFactory;
  store(): EventStore;
}

/** A stream id no other test (or run, on a shared server) uses. */
export const uniqueStream = (label = 'test') => `incident-${label}-${randomUUID()}`;

export function newEvent(data: Record<string, unknown> = {}, type = 'ConformanceTested'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data: { ...data, nested: { list: [1, 'two', null], flag: true } },
    metadata: {
      recordedAt: new Date().toISOString(),
      recordedBy: 'conformance-suite',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

export const newEvents = (n: number, tag = 'e') =>
  Array.from({ length: n }, (_, i) => newEvent({ tag, i }));

/** Pulls `n` events, failing with a clear message rather than hanging when they never come. */
export async function take(sub: Subscription, n: number, ms = 20_000): Promise<StoredEvent[]> {
  const iterator = sub[Symbol.asyncIterator]();
  const received: StoredEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`subscription gave ${received.length} of ${n} events in ${ms} ms`)),
      ms,
    );
  });
  try {
    while (received.length < n) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) throw new Error(`subscription ended after ${received.length} of ${n}`);
      received.push(next.value);
    }
    return received;
  } finally {
    clearTimeout(timer);
  }
}

/** The whole log after `after`, page by page, keeping the events `keep` accepts. */
export async function readAllAfter(
  store: EventStore,
  after: string,
  keep: (event: StoredEvent) => boolean,
  limit = 1000,
): Promise<StoredEvent[]> {
  const kept: StoredEvent[] = [];
  for (let from = after; ;) {
    const page = await store.readAll({ after: from, limit });
    if (page.length === 0) return kept;
    kept.push(...page.filter(keep));
    from = page[page.length - 1].position;
  }
}

export function expectAscending(events: readonly StoredEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    expect(comparePositions(events[i - 1].position, events[i].position)).toBe(-1);
  }
}

/** The revisions are 0, 1, 2, … with no gap and no repeat. */
export function expectNoGap(events: readonly StoredEvent[]): void {
  expect(events.map((event) => event.revision)).toEqual(events.map((_, i) => i));
}

/** Runs `task(0..n-1)` with at most `concurrency` in flight; resolves with results in order. */
export async function pool<T>(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return results;
}

/** The error a promise rejects with (fails the test if it fulfils). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, the promise fulfilled');
}

export const ids = (events: readonly StoredEvent[] | readonly NewEvent[]) =>
  events.map((event) => event.eventId);
