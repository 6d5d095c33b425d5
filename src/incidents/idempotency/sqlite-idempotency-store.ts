import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../sqlite/open-sqlite.js';
import type { IdempotencyRecord, IdempotencyStore } from '../application/idempotency-store.js';
import type { WriteResult } from '../application/write-result.js';

/** The IdempotencyStore in a table of the read-model file (its own connection). */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly findStatement: Database.Statement<
    [string, string],
    { request_hash: string; response: string }
  >;
  private readonly saveStatement: Database.Statement<[string, string, string, string, string]>;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = openSqlite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      principal TEXT NOT NULL,
      key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      response TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (principal, key)
    ) WITHOUT ROWID`);
    this.findStatement = this.db.prepare(
      'SELECT request_hash, response FROM idempotency_keys WHERE principal = ? AND key = ?',
    );
    this.saveStatement = this.db.prepare(
      'INSERT OR IGNORE INTO idempotency_keys (principal, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  find(principal: string, key: string): IdempotencyRecord | undefined {
    const row = this.findStatement.get(principal, key);
    return row
      ? { requestHash: row.request_hash, response: JSON.parse(row.response) as WriteResult }
      : undefined;
  }

  save(principal: string, key: string, record: IdempotencyRecord, now: Date): void {
    this.saveStatement.run(
      principal,
      key,
      record.requestHash,
      JSON.stringify(record.response),
      now.toISOString(),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
