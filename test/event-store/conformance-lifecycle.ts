import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { StoreUnavailable, type StoredEvent } from '../../src/event-store/event-store.js';
import {
  type ConformanceContext,
  expectNoGap,
  ids,
  newEvent,
  newEvents,
  pool,
  readAllAfter,
  rejectionOf,
  take,
  uniqueStream,
} from './conformance-kit.js';

/** Resolves after the current turn of the event loop: a consumer that is slower than the writer. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether a promise has settled, without waiting for it. */
function settledFlag(promise: Promise<unknown>): () => boolean {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return () => settled;
}

/** Slow consumers, closing subscriptions and stores, and reopening the same storage. */
export function describeLifecycle(ctx: ConformanceContext): void {
  describe('slow consumers and closing', () => {
    test('a paused subscriber does not hold appends back, and later gets every event in order', async () => {
      const store = ctx.store();
      const stream = `incident-slow-${randomUUID()}`;
      await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
      const sub = store.subscribe({ after: '0', streamId: stream });
      try {
        await take(sub, 1);
        // the consumer pauses: 1200 appends (several pages) must all be acknowledged meanwhile
        await pool(1200, 50, (i) =>
          store.append(stream, [newEvent({ i })], { expectedRevision: 'any' }),
        );
        const more = pool(300, 10, (i) =>
          store.append(stream, [newEvent({ i })], { expectedRevision: 'any' }),
        );
        const received: StoredEvent[] = [];
        while (received.length < 1500) {
          received.push(...(await take(sub, 1)));
          await yieldTurn();
        }
        await more;
        const all = await store.readStream(stream);
        expect(ids(received)).toEqual(ids(all.slice(1)));
        expectNoGap(all);
      } finally {
        await sub.close();
      }
    });

    test('close() ends a pending iteration, and for-await break closes the subscription', async () => {
      const store = ctx.store();
      const stream = uniqueStream('close');
      const sub = store.subscribe({ after: '0', streamId: stream });
      const iterator = sub[Symbol.asyncIterator]();
      const pending = iterator.next();
      const settled = settledFlag(pending);
      await store.head();
      expect(settled()).toBe(false);
      await sub.close();
      expect((await pending).done).toBe(true);
      expect((await iterator.next()).done).toBe(true);

      await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' });
      const looped = store.subscribe({ after: '0', streamId: stream });
      let count = 0;
      for await (const event of looped) {
        expect(event.streamId).toBe(stream);
        if (++count === 2) break;
      }
      expect(count).toBe(2);
      expect((await looped[Symbol.asyncIterator]().next()).done).toBe(true);
    });

    test("closing the store ends its subscriptions; it is idempotent; later calls say it's unavailable", async () => {
      const store = await ctx.factory.open();
      const sub = store.subscribe({ after: await store.head(), streamId: uniqueStream() });
      const pending = sub[Symbol.asyncIterator]().next();
      await store.close();
      expect((await pending).done).toBe(true);
      await store.close();
      const stream = uniqueStream();
      expect(await rejectionOf(store.head())).toBeInstanceOf(StoreUnavailable);
      expect(await rejectionOf(store.readStream(stream))).toBeInstanceOf(StoreUnavailable);
      expect(
        await rejectionOf(store.append(stream, [newEvent()], { expectedRevision: 'any' })),
      ).toBeInstanceOf(StoreUnavailable);
    });
  });

  describe('reopen', () => {
    test('reopening after close keeps every event, revision and position', async () => {
      const first = await ctx.factory.open();
      const [a, b] = [uniqueStream('keep'), uniqueStream('keep')];
      const before = await first.head();
      await first.append(a, newEvents(3), { expectedRevision: 'no_stream' });
      await first.append(b, newEvents(2), { expectedRevision: 'no_stream' });
      const last = await first.append(a, newEvents(2), { expectedRevision: 2 });
      const ours = (event: StoredEvent) => event.streamId === a || event.streamId === b;
      const written = await readAllAfter(first, before, ours);
      await first.close();

      const second = await ctx.factory.open();
      try {
        expect(await readAllAfter(second, before, ours)).toEqual(written);
        expect(await second.readStream(a)).toEqual(written.filter((e) => e.streamId === a));
        expect(BigInt(await second.head())).toBeGreaterThanOrEqual(BigInt(last.position));
        expect(await second.append(a, [newEvent()], { expectedRevision: 4 })).toMatchObject({
          revision: 5,
        });
      } finally {
        await second.close();
      }
    });
  });
}
