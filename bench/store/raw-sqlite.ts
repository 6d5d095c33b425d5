import Database from 'better-sqlite3';
import { elapsedMs } from '../lib/stats.js';

/** A row as the event store writes it, already serialized. */
export interface RawRow {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

/**
 * The storage floor: plain better-sqlite3 with the store's durability settings (WAL,
 * synchronous = FULL) and a table of the same shape, with none of the store's code around it.
 */
export function openRawTable(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    UNIQUE (stream_id, revision), UNIQUE (stream_id, event_id));
    CREATE INDEX events_stream_position ON events (stream_id, position);`);
  return db;
}

/** Inserts `rows` in transactions of `perCommit` rows each; returns the elapsed milliseconds. */
export function insertRaw(file: string, rows: readonly RawRow[], perCommit: number): number {
  const db = openRawTable(file);
  try {
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const commit = db.transaction((batch: readonly RawRow[]) => {
      for (const r of batch)
        insert.run(r.streamId, r.revision, r.eventId, r.type, r.data, r.metadata);
    });
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += perCommit) commit(rows.slice(i, i + perCommit));
    return elapsedMs(start);
  } finally {
    db.close();
  }
}
