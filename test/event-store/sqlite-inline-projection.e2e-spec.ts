import { describe, expect, test } from '@jest/globals';
import type { StoredEvent } from '../../src/event-store/event-store.js';
import {
  type InlineProjection,
  SqliteEventStore,
} from '../../src/event-store/sqlite/sqlite-event-store.js';
import { openSqlite } from '../../src/sqlite/open-sqlite.js';
import { newEvent, uniqueStream } from './conformance-kit.js';
import { freshSqliteStore } from './fresh-sqlite-store.js';

/** A projection that keeps its rows in a table of the store's own file. */
class CountingProjection implements InlineProjection {
  readonly streamPrefix = 'incident-';
  checkpoint = '0';
  committedAt: string[] = [];
  failNext = false;

  constructor(private readonly store: SqliteEventStore) {
    store.connection().exec('CREATE TABLE seen (event_id TEXT PRIMARY KEY, position INTEGER)');
  }

  position(): string {
    return this.checkpoint;
  }

  apply(events: readonly StoredEvent[]): string {
    const insert = this.store.connection().prepare('INSERT INTO seen VALUES (?, ?)');
    for (const event of events) insert.run(event.eventId, Number(event.position));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('projection bug');
    }
    return events[events.length - 1].position;
  }

  committed(checkpoint: string): void {
    this.committedAt.push(checkpoint);
    this.checkpoint = checkpoint;
  }

  seen(): string[] {
    return (
      this.store
        .connection()
        .prepare('SELECT event_id AS id FROM seen ORDER BY position')
        .all() as {
        id: string;
      }[]
    ).map((row) => row.id);
  }
}

describe('SqliteEventStore with an inline projection', () => {
  const fresh = freshSqliteStore();

  test('applies every event a batch inserted in its transaction, and learns the commit before the append resolves', async () => {
    const projection = new CountingProjection(fresh.store);
    fresh.store.project(projection);
    const a = uniqueStream('a');
    const b = uniqueStream('b');
    const events = [newEvent(), newEvent(), newEvent()];
    const results = await Promise.all([
      fresh.store.append(a, events.slice(0, 2), { expectedRevision: 'no_stream' }),
      fresh.store.append(b, events.slice(2), { expectedRevision: 'no_stream' }),
      // refused: stores nothing, projects nothing
      fresh.store.append(a, [newEvent()], { expectedRevision: 5 }).catch(() => 'refused'),
    ]);
    expect(results[2]).toBe('refused');
    expect(projection.seen()).toEqual(events.map((event) => event.eventId));
    expect(projection.committedAt).toEqual([(results[1] as { position: string }).position]);
  });

  test('a failing projection undoes only its own rows: the append commits, and the projection is not called again until it catches up', async () => {
    const projection = new CountingProjection(fresh.store);
    fresh.store.project(projection);
    const stream = uniqueStream('s');
    projection.failNext = true;
    const first = newEvent();
    const stored = await fresh.store.append(stream, [first], { expectedRevision: 'no_stream' });
    expect(stored.revision).toBe(0);
    expect((await fresh.store.readStream(stream)).map((event) => event.eventId)).toEqual([
      first.eventId,
    ]);
    expect(projection.seen()).toEqual([]);
    expect(projection.committedAt).toEqual([]);

    // behind by `first`: the next append is left to the projection's own round
    await fresh.store.append(stream, [newEvent()], { expectedRevision: 0 });
    expect(projection.seen()).toEqual([]);

    // caught up (its round applied both), it is inline again
    projection.checkpoint = await fresh.store.head();
    const third = newEvent();
    await fresh.store.append(stream, [third], { expectedRevision: 1 });
    expect(projection.seen()).toEqual([third.eventId]);
  });

  test('events of other streams after its position do not hold it back', async () => {
    const projection = new CountingProjection(fresh.store);
    await fresh.store.append('idempotency-x', [newEvent()], { expectedRevision: 'any' });
    fresh.store.project(projection);
    const event = newEvent();
    await fresh.store.append(uniqueStream('c'), [event], { expectedRevision: 'no_stream' });
    expect(projection.seen()).toEqual([event.eventId]);
  });

  test('stays inline append after append, and a commit from another connection holds it back until it catches up', async () => {
    const projection = new CountingProjection(fresh.store);
    fresh.store.project(projection);
    const stream = uniqueStream('d');
    const mine = [newEvent(), newEvent(), newEvent()];
    for (const [i, event] of mine.entries())
      await fresh.store.append(stream, [event], {
        expectedRevision: i === 0 ? 'no_stream' : i - 1,
      });
    expect(projection.seen()).toEqual(mine.map((event) => event.eventId));

    // another process writes an incident event into the same file
    const other = openSqlite(fresh.store.file());
    try {
      other
        .prepare(
          `INSERT INTO events (stream_id, revision, event_id, type, data, metadata)
           VALUES (?, 0, 'from-another-process', 'Test', '{}', '{}')`,
        )
        .run(uniqueStream('e'));
    } finally {
      other.close();
    }
    const next = newEvent();
    await fresh.store.append(stream, [next], { expectedRevision: 2 });
    // applying `next` inline would skip the other process's event for good
    expect(projection.seen()).toEqual(mine.map((event) => event.eventId));
  });
});
