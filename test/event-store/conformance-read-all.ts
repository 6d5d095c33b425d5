import { describe, expect, test } from '@jest/globals';
import { comparePositions, type StoredEvent } from '../../src/event-store/event-store.js';
import {
  type ConformanceContext,
  expectAscending,
  expectNoGap,
  ids,
  newEvent,
  newEvents,
  readAllAfter,
  uniqueStream,
} from './conformance-kit.js';

/** The global log: readAll across streams, in position order, page by page. */
export function describeReadAll(ctx: ConformanceContext): void {
  describe('readAll', () => {
    test('interleaved appends to several streams come back in append order', async () => {
      const store = ctx.store();
      const [a, b, c] = [uniqueStream('a'), uniqueStream('b'), uniqueStream('c')];
      const ours = new Set([a, b, c]);
      const before = await store.head();
      const order: string[] = [];
      for (const [stream, count] of [
        [a, 1],
        [b, 2],
        [a, 1],
        [c, 3],
        [b, 1],
        [a, 2],
      ] as const) {
        const events = newEvents(count, stream);
        await store.append(stream, events, { expectedRevision: 'any' });
        order.push(...ids(events));
      }
      const log = await readAllAfter(store, before, (event) => ours.has(event.streamId));
      expect(ids(log)).toEqual(order);
      expectAscending(log);

      // the same log read two events at a time, each page continuing after the last position
      const paged = await readAllAfter(store, before, (event) => ours.has(event.streamId), 2);
      expect(paged).toEqual(log);
      const firstPage = await store.readAll({ after: before, limit: 3 });
      expect(firstPage.length).toBeLessThanOrEqual(3);
      for (const event of firstPage) expect(comparePositions(event.position, before)).toBe(1);
    });

    test('concurrent appends: positions strictly increase and match what each append returned', async () => {
      const store = ctx.store();
      const streams = [uniqueStream('p'), uniqueStream('q'), uniqueStream('r')];
      const ours = new Set(streams);
      const before = await store.head();
      const appended = await Promise.all(
        Array.from({ length: 90 }, async (_, i) => {
          const event = newEvent({ i });
          const result = await store.append(streams[i % 3], [event], { expectedRevision: 'any' });
          return { eventId: event.eventId, ...result };
        }),
      );
      const log = await readAllAfter(store, before, (event) => ours.has(event.streamId));
      expect(log).toHaveLength(90);
      expectAscending(log);
      const byId = new Map<string, StoredEvent>(log.map((event) => [event.eventId, event]));
      for (const { eventId, revision, position } of appended) {
        expect(byId.get(eventId)).toMatchObject({ revision, position });
      }
      for (const stream of streams) expectNoGap(log.filter((event) => event.streamId === stream));
    });

    test('readAll without options starts at the beginning of the log', async () => {
      const store = ctx.store();
      await store.append(uniqueStream(), [newEvent()], { expectedRevision: 'any' });
      const first = await store.readAll({ limit: 5 });
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThanOrEqual(5);
      expectAscending(first);
      expect(comparePositions(first[0].position, '0')).toBe(1);
    });
  });
}
