import { openSqlite } from '../../src/sqlite/open-sqlite.js';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// The write baseline: node:http + better-sqlite3 (WAL, synchronous = FULL), one transaction and
// one fsync per request, the statement stored as the event store stores it. No framework.
const file = process.env.RAW_DB;
if (!file) throw new Error('RAW_DB is required');
const db = openSqlite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
  event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
  UNIQUE (stream_id, revision), UNIQUE (stream_id, event_id))`);
const last = db.prepare<[string], { revision: number | null }>(
  'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
);
const insert = db.prepare(
  'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
);
const append = db.transaction((streamId: string, data: string) => {
  const revision = (last.get(streamId)?.revision ?? -1) + 1;
  const eventId = randomUUID();
  const metadata = JSON.stringify({ recordedAt: new Date().toISOString(), recordedBy: 'bench' });
  const { lastInsertRowid } = insert.run(
    streamId,
    revision,
    eventId,
    'StatementReported',
    data,
    metadata,
  );
  return { eventId, revision, position: String(lastInsertRowid) };
});

function answer(response: http.ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

const server = http.createServer((request, response) => {
  const match = /^\/incidents\/([^/]+)\/statements$/.exec(request.url ?? '');
  if (request.method !== 'POST' || !match) return answer(response, 404, '{}');
  const incidentId = match[1];
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as object;
    const result = append(`incident-${incidentId}`, JSON.stringify(body));
    answer(response, 201, JSON.stringify({ incidentId, ...result }));
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `${JSON.stringify({ msg: 'raw sqlite http listening', url: `http://127.0.0.1:${port}` })}\n`,
  );
});

process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    db.close();
    process.exit(0);
  });
});
