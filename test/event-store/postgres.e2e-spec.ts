import { beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';
import { openEventStore } from '../../src/event-store/open-event-store.js';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { describeWithPostgres, freshDatabase, testPostgres } from '../support/postgres-database.js';
import { describeEventStoreConformance } from './conformance.js';
import { ids, newEvent, rejectionOf, take, uniqueStream } from './conformance-kit.js';

/**
 * The shared conformance suite, unchanged, against a real PostgreSQL server (the throwaway
 * cluster the Jest globalSetup starts, or STORYLINE_TEST_POSTGRES), on a database of its own.
 */
const server = testPostgres;
if (server) {
  let url: string | undefined;
  describeEventStoreConformance('postgres', {
    open: async () => {
      url ??= await freshDatabase(server, 'conformance');
      return openEventStore(url);
    },
  });
}

describeWithPostgres('PostgresEventStore', (server) => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase(server, 'schema');
  });

  test('the schema is created once, versioned, and refuses a duplicate (stream, revision)', async () => {
    const [a, b] = await Promise.all([openEventStore(url), openEventStore(url)]);
    const stream = uniqueStream();
    try {
      // two instances starting together both create-or-find the schema
      await Promise.all([a.head(), b.head()]);
      await a.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
      expect(await b.readStream(stream)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM storyline_schema');
      expect(rows).toEqual([{ version: 1 }]);
      const insert = client.query(
        `INSERT INTO storyline_events (stream_id, revision, event_id, type, data, metadata) VALUES ($1, 0, 'other', 't', '{}', '{}')`,
        [stream],
      );
      expect(String(await rejectionOf(insert))).toMatch(/unique/i);
      // a schema newer than this code is refused, not used
      await client.query('INSERT INTO storyline_schema (version) VALUES (99)');
      const newer = await openEventStore(url);
      try {
        expect(String(await rejectionOf(newer.head()))).toMatch(/schema is at version 99/);
      } finally {
        await newer.close();
      }
    } finally {
      await client.end();
    }
  });

  test("another instance's append wakes a subscriber by NOTIFY, not by the safety poll", async () => {
    // the poll is out of the picture (10 min): only the notification can wake the subscriber
    const slow = { listener: { pollMs: 600_000 } };
    const own = await freshDatabase(server, 'notify');
    const [reader, writer] = [PostgresEventStore.open(own, slow), PostgresEventStore.open(own)];
    const stream = uniqueStream('notify');
    const sub = reader.subscribe({ after: await reader.head(), streamId: stream });
    try {
      for (let i = 0; i < 3; i++) {
        const next = take(sub, 1, 5_000);
        // the subscriber has read the log to its end and waits: the append must wake it
        while (reader.waitingSubscriptions === 0) await new Promise(setImmediate);
        const event = newEvent({ i });
        await writer.append(stream, [event], { expectedRevision: 'any' });
        expect(ids(await next)).toEqual([event.eventId]);
      }
    } finally {
      await sub.close();
      await Promise.all([reader.close(), writer.close()]);
    }
  });

  test('positions are bigint carried as decimal strings, beyond 2^53', async () => {
    const big = await freshDatabase(server, 'bigint');
    const store = await openEventStore(big);
    try {
      await store.head();
      const client = new pg.Client({ connectionString: big });
      await client.connect();
      await client.query(
        'ALTER TABLE storyline_events ALTER COLUMN position RESTART WITH 9007199254740993',
      );
      await client.end();
      const stream = uniqueStream();
      const result = await store.append(stream, [newEvent(), newEvent()], {
        expectedRevision: 'no_stream',
      });
      expect(result.position).toBe('9007199254740994');
      const read = await store.readAll({ after: '9007199254740993' });
      expect(read.map((event) => event.position)).toEqual(['9007199254740994']);
      expect(await store.head()).toBe('9007199254740994');
    } finally {
      await store.close();
    }
  });
});
