import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type ConformanceContext,
  expectAscending,
  expectNoGap,
  ids,
  newEvent,
  newEvents,
  pool,
  take,
} from './conformance-kit.js';

/** Catch-up subscriptions: from a position, by stream, by prefix, then live; and closing them. */
export function describeSubscriptions(ctx: ConformanceContext): void {
  describe('subscribe', () => {
    test("by streamId from '0': catches up, then goes on live", async () => {
      const store = ctx.store();
      const stream = `incident-sub-${randomUUID()}`;
      const early = newEvents(3, 'early');
      await store.append(stream, early, { expectedRevision: 'no_stream' });
      const sub = store.subscribe({ after: '0', streamId: stream });
      try {
        const caughtUp = await take(sub, 3);
        expect(ids(caughtUp)).toEqual(ids(early));
        expectNoGap(caughtUp);
        const late = newEvents(2, 'late');
        await store.append(stream, late.slice(0, 1), { expectedRevision: 2 });
        await store.append(stream, late.slice(1), { expectedRevision: 3 });
        const live = await take(sub, 2);
        expect(ids(live)).toEqual(ids(late));
        expectAscending([...caughtUp, ...live]);
      } finally {
        await sub.close();
      }
    });

    test('from a position: only the events after it', async () => {
      const store = ctx.store();
      const stream = `incident-sub-${randomUUID()}`;
      const events = newEvents(4);
      await store.append(stream, events, { expectedRevision: 'no_stream' });
      const [, second] = await store.readStream(stream);
      const sub = store.subscribe({ after: second.position, streamId: stream });
      try {
        expect(ids(await take(sub, 2))).toEqual(ids(events.slice(2)));
      } finally {
        await sub.close();
      }
    });

    test('by streamPrefix, and over the whole log: only the matching streams, in log order', async () => {
      const store = ctx.store();
      const prefix = `incident-${randomUUID()}-`;
      const [x, y, outside] = [`${prefix}x`, `${prefix}y`, `incident-${randomUUID()}-x`];
      const before = await store.head();
      const byPrefix = store.subscribe({ after: before, streamPrefix: prefix });
      const everything = store.subscribe({ after: before });
      try {
        const expected: string[] = [];
        for (const stream of [x, outside, y, x, outside, y]) {
          const event = newEvent({ stream });
          await store.append(stream, [event], { expectedRevision: 'any' });
          if (stream !== outside) expected.push(event.eventId);
        }
        const matched = await take(byPrefix, 4);
        expect(ids(matched)).toEqual(expected);
        expect(matched.every((event) => event.streamId.startsWith(prefix))).toBe(true);

        const sentinel = newEvent({ sentinel: true });
        await store.append(outside, [newEvent()], { expectedRevision: 'any' });
        await store.append(y, [sentinel], { expectedRevision: 'any' });
        expect(ids(await take(byPrefix, 1))).toEqual([sentinel.eventId]);

        // the whole log holds ours and maybe others' events: ours arrive in order among them
        const ours = new Set([x, y, outside]);
        const seen: string[] = [];
        while (seen.length < 8) {
          const [event] = await take(everything, 1);
          if (ours.has(event.streamId)) seen.push(event.eventId);
        }
        expect(seen.filter((id) => expected.includes(id))).toEqual(expected);
        expect(seen[7]).toBe(sentinel.eventId);
      } finally {
        await byPrefix.close();
        await everything.close();
      }
    });

    test('a catch-up racing 3000 concurrent appends receives exactly the log, in order', async () => {
      const store = ctx.store();
      const prefix = `incident-${randomUUID()}-`;
      const streams = ['a', 'b', 'c'].map((s) => `${prefix}${s}`);
      const decoy = `incident-${randomUUID()}`;
      const before = await store.head();
      let acknowledged = 0;
      let startSubscribers!: () => void;
      const midway = new Promise<void>((resolve) => (startSubscribers = resolve));
      const writing = pool(3000, 200, async (i) => {
        const stream = i % 10 === 9 ? decoy : streams[i % 3];
        await store.append(stream, [newEvent({ i })], { expectedRevision: 'any' });
        if (++acknowledged === 1500) startSubscribers();
      });
      await midway;
      const byPrefix = store.subscribe({ after: before, streamPrefix: prefix });
      const oneStream = store.subscribe({ after: '0', streamId: streams[0] });
      try {
        const [received, receivedA] = await Promise.all([
          take(byPrefix, 2700),
          take(oneStream, 900),
        ]);
        await writing;
        const log = (await store.readStream(streams[0])).length;
        expect(log).toBe(900);
        const all = await Promise.all(streams.map((s) => store.readStream(s)));
        const expected = all
          .flat()
          .sort((p, q) => (BigInt(p.position) < BigInt(q.position) ? -1 : 1));
        expect(ids(received)).toEqual(ids(expected));
        expect(new Set(ids(received)).size).toBe(2700);
        expectAscending(received);
        expect(ids(receivedA)).toEqual(ids(all[0]));
        expectNoGap(receivedA);

        // nothing more is pending: the next event each one yields is the one appended now
        const sentinel = newEvent({ sentinel: true });
        await store.append(streams[0], [sentinel], { expectedRevision: 899 });
        expect(ids(await take(byPrefix, 1))).toEqual([sentinel.eventId]);
        expect(ids(await take(oneStream, 1))).toEqual([sentinel.eventId]);
      } finally {
        await byPrefix.close();
        await oneStream.close();
        await writing;
      }
    });
  });
}
