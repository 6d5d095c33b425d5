import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { elapsedMs } from '../lib/stats.js';

/** The raw baselines: plain `pg` on the same server, no storyline in between. */
const TABLE = `
CREATE TABLE IF NOT EXISTS raw_events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id text NOT NULL, event_id text NOT NULL, type text NOT NULL,
  data json NOT NULL, metadata json NOT NULL
)`;

/** Single-row autocommit INSERTs from `connections` clients for `seconds`: inserts per second. */
export async function rawInsertRate(url: string, connections: number, seconds: number) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(TABLE);
  await setup.end();
  const data = JSON.stringify({ text: 'A US official told Reuters the convoy ignored warnings.' });
  const metadata = JSON.stringify({ recordedAt: new Date().toISOString(), recordedBy: 'bench' });
  const deadline = Date.now() + seconds * 1000;
  let inserts = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        while (Date.now() < deadline) {
          await client.query(
            'INSERT INTO raw_events (stream_id, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5)',
            ['raw-stream', randomUUID(), 'StatementReported', data, metadata],
          );
          inserts += 1;
        }
      } finally {
        await client.end();
      }
    }),
  );
  return inserts / (elapsedMs(started) / 1000);
}

/** INSERT + NOTIFY on one connection → the notification on another: milliseconds each. */
export async function rawNotifyLatencies(url: string, count: number): Promise<number[]> {
  const writer = new pg.Client({ connectionString: url });
  const listener = new pg.Client({ connectionString: url });
  await Promise.all([writer.connect(), listener.connect()]);
  await writer.query(TABLE);
  await listener.query('LISTEN raw_bench');
  const latencies: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const start = process.hrtime.bigint();
      const arrived = new Promise<void>((resolve) =>
        listener.once('notification', () => resolve()),
      );
      await writer.query(
        `WITH inserted AS (INSERT INTO raw_events (stream_id, event_id, type, data, metadata)
           VALUES ('raw-feed', $1, 'StatementReported', '{}', '{}') RETURNING position)
         SELECT pg_notify('raw_bench', position::text) FROM inserted`,
        [randomUUID()],
      );
      await arrived;
      latencies.push(elapsedMs(start));
    }
  } finally {
    await Promise.all([writer.end(), listener.end()]);
  }
  return latencies;
}
