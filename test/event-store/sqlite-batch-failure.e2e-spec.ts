import { describe, expect, test } from '@jest/globals';
import { openSqlite } from '../../src/sqlite/open-sqlite.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { freshSqliteStore } from './fresh-sqlite-store.js';
import { newEvent, take, uniqueStream } from './conformance-kit.js';

/**
 * A batch whose COMMIT itself fails: a trigger (added through a second connection) makes any
 * insert into the poisoned stream break a deferred foreign key, which SQLite checks at COMMIT.
 */
function poisonCommitsOf(file: string, poisoned: string): void {
  const raw = openSqlite(file);
  try {
    raw.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison AFTER INSERT ON events WHEN NEW.stream_id = '${poisoned}'
      BEGIN INSERT INTO child VALUES (42); END;`);
  } finally {
    raw.close();
  }
}

describe('SqliteEventStore when a batch cannot commit', () => {
  const fresh = freshSqliteStore();

  test('a failing COMMIT rejects every caller of the batch and stores nothing; the fresh.store goes on', async () => {
    const poisoned = uniqueStream('poisoned');
    const healthy = uniqueStream('healthy');
    poisonCommitsOf(fresh.file, poisoned);
    const before = fresh.store.stats();
    const headBefore = await fresh.store.head();
    const outcomes = await Promise.allSettled([
      fresh.store.append(healthy, [newEvent()], { expectedRevision: 'no_stream' }),
      fresh.store.append(poisoned, [newEvent()], { expectedRevision: 'no_stream' }),
      fresh.store.append(healthy, [newEvent()], { expectedRevision: 0 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes) {
      if (outcome.status !== 'rejected') continue;
      // the deferred check runs at COMMIT: it is the commit, not an insert, that failed. Only the
      // text is checked: under Jest the native addon throws the error classes of the first test
      // fresh.file that loaded it, so a class check would depend on test order
      expect(String(outcome.reason)).toMatch(/FOREIGN KEY/);
    }
    expect(fresh.store.stats()).toEqual(before);
    expect(await fresh.store.head()).toBe(headBefore);
    expect(await fresh.store.readStream(healthy)).toEqual([]);

    // the connection is not left inside the failed transaction: the next batch commits for real
    const sub = fresh.store.subscribe({ after: headBefore, streamId: healthy });
    const result = await fresh.store.append(healthy, [newEvent()], {
      expectedRevision: 'no_stream',
    });
    expect(result.revision).toBe(0);
    const [delivered] = await take(sub, 1);
    expect(delivered.position).toBe(result.position);
    await sub.close();
    await fresh.store.close();
    const reopened = SqliteEventStore.open(fresh.file);
    try {
      expect((await reopened.readStream(healthy)).map((e) => e.position)).toEqual([
        result.position,
      ]);
    } finally {
      await reopened.close();
    }
  });

  test('close() commits appends still queued and ends a subscription waiting for events', async () => {
    const stream = uniqueStream('closing');
    const sub = fresh.store.subscribe({ after: '0', streamId: stream });
    const pending = sub[Symbol.asyncIterator]().next();
    const appended = fresh.store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    await fresh.store.close();
    const result = await appended;
    expect((await pending).done).toBe(true);
    const reopened = SqliteEventStore.open(fresh.file);
    try {
      expect((await reopened.readStream(stream)).map((e) => e.position)).toEqual([result.position]);
    } finally {
      await reopened.close();
    }
  });
});
