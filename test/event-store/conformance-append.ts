import { describe, expect, test } from '@jest/globals';
import {
  comparePositions,
  type ExpectedRevision,
  IdempotencyMismatch,
  WrongExpectedRevision,
} from '../../src/event-store/event-store.js';
import {
  type ConformanceContext,
  expectAscending,
  expectNoGap,
  ids,
  newEvent,
  newEvents,
  rejectionOf,
  uniqueStream,
} from './conformance-kit.js';

async function expectConflict(
  promise: Promise<unknown>,
  expected: ExpectedRevision,
  actual: number,
): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  expect(error).toMatchObject({ expectedRevision: expected, actualRevision: actual });
}

/** Append, stream reads, expected revisions, contention and idempotent retries. */
export function describeAppends(ctx: ConformanceContext): void {
  describe('append and readStream', () => {
    test('stores events whole and reads them back in both directions with from and limit', async () => {
      const store = ctx.store();
      const stream = uniqueStream();
      const written = newEvents(5);
      const first = await store.append(stream, written.slice(0, 3), {
        expectedRevision: 'no_stream',
      });
      const second = await store.append(stream, written.slice(3), { expectedRevision: 2 });
      expect(first.revision).toBe(2);
      expect(second.revision).toBe(4);

      const read = await store.readStream(stream);
      expect(read).toEqual(
        written.map((event, i) => ({
          ...event,
          streamId: stream,
          revision: i,
          position: read[i].position,
        })),
      );
      expectAscending(read);
      expect(read[2].position).toBe(first.position);
      expect(read[4].position).toBe(second.position);

      const revisions = async (options: Parameters<typeof store.readStream>[1]) =>
        (await store.readStream(stream, options)).map((event) => event.revision);
      expect(await revisions({ from: 2 })).toEqual([2, 3, 4]);
      expect(await revisions({ from: 1, limit: 2 })).toEqual([1, 2]);
      expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
      expect(await revisions({ direction: 'backwards', from: 3, limit: 2 })).toEqual([3, 2]);
      expect(await revisions({ direction: 'backwards', limit: 1 })).toEqual([4]);
      expect(await revisions({ from: 5 })).toEqual([]);
    });

    test('an absent stream reads as empty', async () => {
      const store = ctx.store();
      expect(await store.readStream(uniqueStream('absent'))).toEqual([]);
      expect(await store.readStream(uniqueStream('absent'), { direction: 'backwards' })).toEqual(
        [],
      );
    });

    test('head() grows with every append', async () => {
      const store = ctx.store();
      const before = await store.head();
      const result = await store.append(uniqueStream(), [newEvent()], { expectedRevision: 'any' });
      const after = await store.head();
      expect(comparePositions(result.position, before)).toBe(1);
      expect(comparePositions(after, result.position)).toBeGreaterThanOrEqual(0);
    });
  });

  describe('expected revision', () => {
    test('no_stream, exists, an exact revision and any; a refused append stores nothing', async () => {
      const store = ctx.store();
      const stream = uniqueStream();
      await expectConflict(
        store.append(stream, [newEvent()], { expectedRevision: 'exists' }),
        'exists',
        -1,
      );
      await expectConflict(store.append(stream, [newEvent()], { expectedRevision: 0 }), 0, -1);
      expect(
        await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' }),
      ).toMatchObject({ revision: 0 });
      await expectConflict(
        store.append(stream, [newEvent()], { expectedRevision: 'no_stream' }),
        'no_stream',
        0,
      );
      expect(
        await store.append(stream, [newEvent()], { expectedRevision: 'exists' }),
      ).toMatchObject({ revision: 1 });
      expect(await store.append(stream, newEvents(2), { expectedRevision: 1 })).toMatchObject({
        revision: 3,
      });
      await expectConflict(store.append(stream, [newEvent()], { expectedRevision: 1 }), 1, 3);
      await expectConflict(store.append(stream, [newEvent()], { expectedRevision: 7 }), 7, 3);
      expect(await store.append(stream, [newEvent()], { expectedRevision: 'any' })).toMatchObject({
        revision: 4,
      });
      expect(
        await store.append(uniqueStream(), [newEvent()], { expectedRevision: 'any' }),
      ).toMatchObject({ revision: 0 });
      expectNoGap(await store.readStream(stream));
      expect(await store.readStream(stream)).toHaveLength(5);
    });

    test('many tasks racing for each revision: exactly one wins it, the others learn the actual revision', async () => {
      const store = ctx.store();
      const stream = uniqueStream('race');
      const winners: string[] = [];
      for (let revision = 0; revision < 8; revision++) {
        const expected: ExpectedRevision = revision === 0 ? 'no_stream' : revision - 1;
        const contenders = newEvents(12, `round-${revision}`);
        const outcomes = await Promise.allSettled(
          contenders.map((event) => store.append(stream, [event], { expectedRevision: expected })),
        );
        const won = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
        expect(won).toHaveLength(1);
        expect(outcomes[won[0]]).toMatchObject({ status: 'fulfilled', value: { revision } });
        for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
          expect(outcome.reason).toBeInstanceOf(WrongExpectedRevision);
          expect(outcome.reason).toMatchObject({
            expectedRevision: expected,
            actualRevision: revision,
          });
        }
        winners.push(contenders[won[0]].eventId);
      }
      const read = await store.readStream(stream);
      expectNoGap(read);
      expect(ids(read)).toEqual(winners);
    });

    test('optimistic writers retrying on conflict leave a stream with no gap and no duplicate', async () => {
      const store = ctx.store();
      const stream = uniqueStream('writers');
      const perWriter = Array.from({ length: 8 }, (_, w) => newEvents(6, `writer-${w}`));
      await Promise.all(
        perWriter.map(async (events) => {
          let expected: ExpectedRevision = 'no_stream';
          for (const event of events) {
            for (;;) {
              try {
                const result = await store.append(stream, [event], { expectedRevision: expected });
                expected = result.revision;
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevision)) throw error;
                expected = error.actualRevision;
              }
            }
          }
        }),
      );
      const read = await store.readStream(stream);
      expectNoGap(read);
      expect(new Set(ids(read)).size).toBe(48);
      for (const events of perWriter) {
        const mine = new Set(ids(events));
        expect(ids(read).filter((id) => mine.has(id))).toEqual(ids(events));
      }
    });
  });

  describe('idempotent retry', () => {
    test('re-appending stored events returns the original result and stores nothing', async () => {
      const store = ctx.store();
      const stream = uniqueStream('retry');
      const batch = newEvents(2);
      const original = await store.append(stream, batch, { expectedRevision: 'no_stream' });
      expect(await store.append(stream, batch, { expectedRevision: 'no_stream' })).toEqual(
        original,
      );
      expect(await store.append(stream, batch, { expectedRevision: 'any' })).toEqual(original);
      await store.append(stream, [newEvent()], { expectedRevision: 1 });
      // the expected revision is stale now, and the stream has grown: still the original result
      expect(await store.append(stream, batch, { expectedRevision: 0 })).toEqual(original);
      const read = await store.readStream(stream);
      expect(read).toHaveLength(3);
      expectNoGap(read);
    });

    test('an append mixing stored and new event ids is refused whole', async () => {
      const store = ctx.store();
      const stream = uniqueStream('mixed');
      const stored = newEvent();
      await store.append(stream, [stored], { expectedRevision: 'no_stream' });
      const error = await rejectionOf(
        store.append(stream, [stored, newEvent()], { expectedRevision: 'any' }),
      );
      expect(error).toBeInstanceOf(IdempotencyMismatch);
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });
}
