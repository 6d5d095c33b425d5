import { describe, expect, test } from '@jest/globals';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { freshSqliteStore } from './fresh-sqlite-store.js';
import {
  expectAscending,
  newEvent,
  newEvents,
  readAllAfter,
  take,
  uniqueStream,
} from './conformance-kit.js';

const ids = (events: readonly { eventId: string }[]) => events.map((event) => event.eventId);

/**
 * A live subscription of this process is handed the events its store just committed instead of
 * reading them back; these cases are the ones where a hand-over alone would lose or reorder events.
 */
describe('SqliteEventStore hands committed events to its own subscribers', () => {
  const fresh = freshSqliteStore();

  test('a live subscriber gets exactly its scope of one batch, as the log has it', async () => {
    const mine = uniqueStream('mine');
    const other = uniqueStream('other');
    const byStream = fresh.store.subscribe({ after: await fresh.store.head(), streamId: mine });
    const byPrefix = fresh.store.subscribe({
      after: await fresh.store.head(),
      streamPrefix: 'incident-',
    });
    const everything = fresh.store.subscribe({ after: await fresh.store.head() });
    const head = await fresh.store.head();
    // one turn: the three appends share one transaction
    await Promise.all([
      fresh.store.append(mine, newEvents(2, 'a'), { expectedRevision: 'no_stream' }),
      fresh.store.append(other, newEvents(1, 'b'), { expectedRevision: 'no_stream' }),
      fresh.store.append('elsewhere', newEvents(1, 'c'), { expectedRevision: 'any' }),
      fresh.store.append(mine, [newEvent()], { expectedRevision: 7 }).catch(() => undefined),
    ]);
    const log = await readAllAfter(fresh.store, head, () => true);
    expect(log).toHaveLength(4);
    expect(await take(byStream, 2)).toEqual(log.filter((event) => event.streamId === mine));
    expect(await take(byPrefix, 3)).toEqual(log.filter((e) => e.streamId.startsWith('incident-')));
    expect(await take(everything, 4)).toEqual(log);
    await Promise.all([byStream.close(), byPrefix.close(), everything.close()]);
  });

  test("another connection's commit before a batch reaches the subscriber first", async () => {
    const stream = uniqueStream();
    const live = fresh.store.subscribe({
      after: await fresh.store.head(),
      streamPrefix: 'incident-',
    });
    await fresh.store.append(stream, newEvents(1, 'first'), { expectedRevision: 'no_stream' });
    expect(await take(live, 1)).toHaveLength(1);
    // a second connection to the file: its commit wakes no one in this fresh.store
    const second = SqliteEventStore.open(fresh.store.file());
    const between = newEvents(2, 'between');
    await second.append(stream, between, { expectedRevision: 0 });
    await second.close();
    const last = newEvents(1, 'last');
    await fresh.store.append(stream, last, { expectedRevision: 2 });
    const got = await take(live, 3);
    expect(ids(got)).toEqual(ids([...between, ...last]));
    expectAscending(got);
    await live.close();
  });

  test('a subscriber still holding part of a page gets the rest, then the next batch', async () => {
    const stream = uniqueStream();
    const live = fresh.store.subscribe({ after: await fresh.store.head(), streamId: stream });
    const early = newEvents(3, 'early');
    await fresh.store.append(stream, early, { expectedRevision: 'no_stream' });
    expect(ids(await take(live, 1))).toEqual(ids(early.slice(0, 1)));
    const late = newEvents(2, 'late');
    await fresh.store.append(stream, late, { expectedRevision: 2 });
    expect(ids(await take(live, 4))).toEqual(ids([...early.slice(1), ...late]));
    await live.close();
  });

  test('a subscriber behind the head catches up from the table before live batches', async () => {
    const stream = uniqueStream();
    const before = newEvents(3, 'before');
    await fresh.store.append(stream, before, { expectedRevision: 'no_stream' });
    const behind = fresh.store.subscribe({ after: '0', streamId: stream });
    const after = newEvents(2, 'after');
    await fresh.store.append(stream, after, { expectedRevision: 2 });
    expect(ids(await take(behind, 5))).toEqual(ids([...before, ...after]));
    await behind.close();
  });
});
