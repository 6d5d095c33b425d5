import type Database from 'better-sqlite3';
import { openSqlite } from '../../src/sqlite/open-sqlite.js';
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
export class RawTable {
  private readonly db: Database.Database;
  private readonly commit: (rows: readonly RawRow[]) => void;

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
      event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
      UNIQUE (stream_id, revision), UNIQUE (stream_id, event_id));
      CREATE INDEX events_stream_position ON events (stream_id, position);`);
    const insert = this.db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.commit = this.db.transaction((rows: readonly RawRow[]) => {
      for (const r of rows)
        insert.run(r.streamId, r.revision, r.eventId, r.type, r.data, r.metadata);
    });
  }

  /** Inserts `rows` in transactions of `perCommit` rows each; returns the elapsed milliseconds. */
  insert(rows: readonly RawRow[], perCommit: number): number {
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += perCommit) this.commit(rows.slice(i, i + perCommit));
    return elapsedMs(start);
  }

  close(): void {
    this.db.close();
  }
}

/** Rows per second at one fsynced commit per row, on a fresh file. */
export function fsyncedCommitRate(file: string, rows: readonly RawRow[]): number {
  const table = new RawTable(file);
  try {
    return (rows.length * 1000) / table.insert(rows, 1);
  } finally {
    table.close();
  }
}
