import { afterEach, beforeEach } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

/** What `freshSqliteStore` gives a test: its own store, in a file of its own. */
export interface FreshSqliteStore {
  readonly store: SqliteEventStore;
  readonly file: string;
}

/**
 * Registers hooks that open a SQLite store in a new temporary folder before each test of the
 * calling `describe`, and close and remove it after; read `store` and `file` inside a test.
 */
export function freshSqliteStore(): FreshSqliteStore {
  let dir: string | undefined;
  let current: FreshSqliteStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-'));
    const file = join(dir, 'events.db');
    current = { store: SqliteEventStore.open(file), file };
  });
  afterEach(async () => {
    await current?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    current = dir = undefined;
  });
  const opened = (): FreshSqliteStore => {
    if (!current) throw new Error('freshSqliteStore: read it inside a test');
    return current;
  };
  return {
    get store() {
      return opened().store;
    },
    get file() {
      return opened().file;
    },
  };
}
