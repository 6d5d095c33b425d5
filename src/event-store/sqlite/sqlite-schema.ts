import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../../sqlite/open-sqlite.js';
import { setPageSizeIfNew } from '../../sqlite/page-size.js';

/**
 * The log as one table. `position` is the rowid, so it only grows (AUTOINCREMENT never reuses a
 * value, even after the last row is deleted); (stream_id, revision) is unique, so two events can
 * never claim the same place in a stream, and its index serves stream reads.
 */
const schema = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL CHECK (revision >= 0),
  event_id  TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream_id, revision),
  UNIQUE (stream_id, event_id)
);
-- subscriptions to one stream read it in position order after a checkpoint
CREATE INDEX IF NOT EXISTS events_stream_position ON events (stream_id, position);
`;

/** Opens (and if needed creates) the store's file with the settings durability depends on. */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = openSqlite(file);
  try {
    setPageSizeIfNew(db);
    db.pragma('journal_mode = WAL');
    // FULL: every commit is fsynced to the WAL, so an acknowledged append survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(schema);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
