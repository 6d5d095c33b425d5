import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { openSqlite } from '../../src/sqlite/open-sqlite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { WrongExpectedRevision } from '../../src/event-store/event-store.js';
import { describeEventStoreConformance } from './conformance.js';
import { newEvent, uniqueStream } from './conformance-kit.js';
import { runCrashChild } from './crash-run.js';

const suiteDir = mkdtempSync(join(tmpdir(), 'storyline-'));
describeEventStoreConformance('sqlite', {
  open: () => Promise.resolve(SqliteEventStore.open(join(suiteDir, 'store', 'events.db'))),
  cleanup: () => Promise.resolve(rmSync(suiteDir, { recursive: true, force: true })),
});

describe('SqliteEventStore', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-'));
    store = SqliteEventStore.open(join(dir, 'events.db'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the file is in WAL mode and its schema refuses a duplicate (stream, revision)', async () => {
    const stream = uniqueStream();
    await store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    const raw = openSqlite(join(dir, 'events.db'));
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const insert = raw.prepare(
        `INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, 0, ?, 't', '{}', '{}')`,
      );
      expect(() => insert.run(stream, 'another-id')).toThrow(/UNIQUE/);
    } finally {
      raw.close();
    }
  });

  test('200 concurrent appends to different streams are committed in one transaction', async () => {
    const before = store.stats();
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        store.append(uniqueStream('batch'), [newEvent()], { expectedRevision: 'no_stream' }),
      ),
    );
    const after = store.stats();
    expect(new Set(results.map((r) => r.position)).size).toBe(200);
    expect(after.appends - before.appends).toBe(200);
    expect(after.events - before.events).toBe(200);
    expect(after.commits - before.commits).toBe(1);
  });

  test('in one batch each caller gets its own outcome, and appends to one stream see each other', async () => {
    const before = store.stats();
    const [s1, s2, s3] = [uniqueStream(), uniqueStream(), uniqueStream()];
    const retried = newEvent();
    const outcomes = await Promise.allSettled([
      store.append(s1, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(s1, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(s2, [newEvent()], { expectedRevision: 'no_stream' }),
      store.append(s2, [newEvent(), newEvent()], { expectedRevision: 0 }),
      store.append(s3, [retried], { expectedRevision: 'no_stream' }),
      store.append(s3, [retried], { expectedRevision: 'no_stream' }),
    ]);
    expect(store.stats().commits - before.commits).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const conflict =
      outcomes[1].status === 'rejected' ? (outcomes[1].reason as unknown) : undefined;
    expect(conflict).toBeInstanceOf(WrongExpectedRevision);
    expect(conflict).toMatchObject({ expectedRevision: 'no_stream', actualRevision: 0 });
    expect(outcomes[3]).toMatchObject({ value: { revision: 2 } });
    expect(outcomes[5]).toEqual(outcomes[4]);
    expect(await store.readStream(s1)).toHaveLength(1);
    expect(await store.readStream(s2)).toHaveLength(3);
    expect(await store.readStream(s3)).toHaveLength(1);
  });

  test('after SIGKILL in the middle of concurrent appends, every acknowledged event is there', async () => {
    const file = join(dir, 'crash', 'events.db');
    const { acks, signal } = await runCrashChild(file, 600);
    expect(signal).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(600);

    const reopened = SqliteEventStore.open(file);
    try {
      const streams = new Map<string, Awaited<ReturnType<typeof reopened.readStream>>>();
      for (const stream of new Set(acks.map((ack) => ack.stream)))
        streams.set(stream, await reopened.readStream(stream));
      for (const ack of acks) {
        const events = streams.get(ack.stream) ?? [];
        const first = ack.revision - ack.eventIds.length + 1;
        expect(events.slice(first, ack.revision + 1).map((e) => e.eventId)).toEqual(ack.eventIds);
        expect(events[ack.revision].position).toBe(ack.position);
      }
      for (const events of streams.values())
        expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    } finally {
      await reopened.close();
    }
  });
});
