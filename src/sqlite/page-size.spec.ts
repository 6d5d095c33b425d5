import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from './open-sqlite.js';
import { PAGE_SIZE, setPageSizeIfNew } from './page-size.js';

describe('setPageSizeIfNew', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'page-size-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('gives a new file the large page size, in WAL mode too', () => {
    const db = openSqlite(join(dir, 'new.db'));
    setPageSizeIfNew(db);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x TEXT)');
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    db.close();
  });

  test('leaves a file that already has pages at the size it was made with', () => {
    const file = join(dir, 'old.db');
    const old = openSqlite(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x TEXT)');
    old.close();
    const db = openSqlite(file);
    setPageSizeIfNew(db);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.close();
  });
});
