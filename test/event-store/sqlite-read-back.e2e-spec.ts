import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { freshSqliteStore } from './fresh-sqlite-store.js';
import { newEvents, uniqueStream } from './conformance-kit.js';

/**
 * A read of what the store's last commit appended is answered from that commit's events; these
 * cases are the ones where such an answer could differ from the table's.
 */
describe('SqliteEventStore reads back its last commit', () => {
  const fresh = freshSqliteStore();
  let other: SqliteEventStore;
  beforeEach(() => {
    // a second connection to the file, reading the table itself
    other = SqliteEventStore.open(fresh.file);
  });
  afterEach(() => other.close());

  test('every forward read within a just-appended batch answers as the table does', async () => {
    const stream = uniqueStream();
    await fresh.store.append(stream, newEvents(3, 'old'), { expectedRevision: 'no_stream' });
    const mine = uniqueStream('mine');
    await Promise.all([
      fresh.store.append(stream, newEvents(4, 'new'), { expectedRevision: 2 }),
      fresh.store.append(mine, newEvents(2, 'mine'), { expectedRevision: 'no_stream' }),
    ]);
    for (const from of [0, 2, 3, 5, 7, 8])
      for (const limit of [undefined, 0, 1, 2, 10])
        expect(await fresh.store.readStream(stream, { from, limit })).toEqual(
          await other.readStream(stream, { from, limit }),
        );
    expect(await fresh.store.readStream(mine, { from: 0 })).toEqual(await other.readStream(mine));
  });

  test("another connection's append after the commit is read, not missed", async () => {
    const stream = uniqueStream();
    await fresh.store.append(stream, newEvents(2, 'mine'), { expectedRevision: 'no_stream' });
    const theirs = newEvents(2, 'theirs');
    await other.append(stream, theirs, { expectedRevision: 1 });
    const read = await fresh.store.readStream(stream, { from: 1 });
    expect(read.map((event) => event.revision)).toEqual([1, 2, 3]);
    expect(read.slice(1).map((event) => event.eventId)).toEqual(theirs.map((e) => e.eventId));
  });

  test('a later commit of the same stream replaces what the first one appended', async () => {
    const stream = uniqueStream();
    await fresh.store.append(stream, newEvents(2, 'first'), { expectedRevision: 'no_stream' });
    await fresh.store.append(stream, newEvents(1, 'second'), { expectedRevision: 1 });
    await expect(
      fresh.store.append(stream, newEvents(1), { expectedRevision: 0 }),
    ).rejects.toThrow();
    expect(await fresh.store.readStream(stream, { from: 0 })).toEqual(
      await other.readStream(stream),
    );
    expect(await fresh.store.readStream(stream, { from: 1 })).toHaveLength(2);
  });
});
