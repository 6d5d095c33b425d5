import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './open-sqlite.js';
import { setPageSizeIfNew } from './page-size.js';
import { WalCheckpointer } from './wal-checkpointer.js';

const LIMIT = 1024 * 1024;
const ROWS_PER_COMMIT = 8;
const ROW = 'x'.repeat(3000);

function open(file: string): Database.Database {
  const db = openSqlite(file);
  setPageSizeIfNew(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

const walBytes = (file: string) => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

describe('WalCheckpointer', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
    file = join(dir, 'store.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function writer(db: Database.Database): () => void {
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    return db.transaction(() => {
      for (let i = 0; i < ROWS_PER_COMMIT; i++) insert.run(ROW);
    });
  }

  test('checkpoints on its thread: the WAL starts over and stays a few commits long', async () => {
    const db = open(file);
    const checkpointer = WalCheckpointer.start(db, LIMIT) as WalCheckpointer;
    // the writer itself would checkpoint only at the limit
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(LIMIT / 16384);
    const write = writer(db);
    let largest = 0;
    for (let k = 0; k < 300; k++) {
      write();
      checkpointer.committed();
      await checkpointer.idle();
      largest = Math.max(largest, walBytes(file));
    }
    // 300 commits of ~24 KB: 7 MB without checkpoints, and the limit never reached
    expect(largest).toBeLessThan(LIMIT / 4);
    await checkpointer.close();
    db.close();
  });

  test('bounds the WAL under writes that never wait, and every row reads back after reopen', async () => {
    const db = open(file);
    const checkpointer = WalCheckpointer.start(db, LIMIT) as WalCheckpointer;
    const write = writer(db);
    let largest = 0;
    // one synchronous burst (12 MB): the event loop never hears back from the worker meanwhile
    for (let k = 0; k < 500; k++) {
      write();
      checkpointer.committed();
      largest = Math.max(largest, walBytes(file));
    }
    // 12 MB without a bound. The writer checkpoints at the limit, but not while the worker's own
    // checkpoint holds SQLite's checkpoint lock: the commits made meanwhile add to it. Their
    // number depends on the machine's load (34 KiB to 162 KiB past the limit measured on 2
    // loaded cores), so the bound asserted is twice the limit, not one commit past it.
    expect(largest).toBeLessThan(2 * LIMIT);
    await checkpointer.close();
    db.close();

    const reopened = openSqlite(file, { readonly: true });
    const { count, bytes } = reopened
      .prepare<[], { count: number; bytes: number }>(
        'SELECT count(*) AS count, sum(length(body)) AS bytes FROM t',
      )
      .get() as { count: number; bytes: number };
    reopened.close();
    expect(count).toBe(500 * ROWS_PER_COMMIT);
    expect(bytes).toBe(500 * ROWS_PER_COMMIT * ROW.length);
  });

  test('stops its worker on close, after the checkpoint in flight', async () => {
    const db = open(file);
    const checkpointer = WalCheckpointer.start(db, LIMIT) as WalCheckpointer;
    expect(checkpointer.running).toBe(true);
    writer(db)();
    checkpointer.committed();
    await checkpointer.close();
    expect(checkpointer.running).toBe(false);
    // the worker's connection is closed: this is the last one, so closing checkpoints and
    // removes the WAL
    db.close();
    expect(walBytes(file)).toBe(0);
    checkpointer.committed();
    await checkpointer.close();
  });

  test('leaves an in-memory database alone', () => {
    const db = openSqlite(':memory:');
    expect(WalCheckpointer.start(db)).toBeUndefined();
    db.close();
  });
});
