import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../../sqlite/open-sqlite.js';
import { setPageSizeIfNew } from '../../sqlite/page-size.js';
import {
  createGenerationSql,
  dropGenerationSql,
  META_SQL,
  READ_MODEL_SCHEMA,
} from './read-model-schema.js';

/** The one checkpoint of the incident projections (view, list, timeline, claim history). */
export const PROJECTION = 'incidents';

/**
 * SQLite's page cache for the read model, in KiB (negative: a size, not a page count): 16 MiB
 * keeps the upper levels of a big incident's b-trees in memory. 64 MiB cost ~70 MB more RSS
 * with a 100,000-event incident for ~3 % less catch-up CPU.
 */
const READ_MODEL_CACHE_SIZE = -16384;

/** `PRAGMA synchronous` as the number SQLite reports: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const SYNCHRONOUS_NORMAL = 1;

/**
 * The read model's own SQLite connection (WAL), beside the event store's when they share a file.
 * Knows which table generation is current; projections write it, queries read it.
 */
export class ReadModelDatabase {
  private current: number;

  private constructor(
    readonly db: Database.Database,
    /** False on a connection another part owns (the event store's): close() leaves it open. */
    private readonly owned = true,
    /** Told after each transaction committedAtNormalSync commits (the owner checkpoints). */
    private readonly onCommit: () => void = () => undefined,
  ) {
    db.exec(META_SQL);
    const generation = this.meta('generation');
    const schema = this.meta('schema');
    if (generation !== undefined && schema === String(READ_MODEL_SCHEMA)) {
      this.current = Number(generation);
      return;
    }
    // first start, or rows of an older shape: start a fresh generation from position 0
    const next = generation === undefined ? 1 : Number(generation) + 1;
    db.transaction(() => {
      if (generation !== undefined) this.dropGeneration(Number(generation));
      this.createGeneration(next);
      this.setMeta('schema', String(READ_MODEL_SCHEMA));
      this.setMeta('generation', String(next));
    })();
    this.current = next;
  }

  static open(file: string): ReadModelDatabase {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = openSqlite(file);
    try {
      setPageSizeIfNew(db);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma(`cache_size = ${READ_MODEL_CACHE_SIZE}`);
      return new ReadModelDatabase(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * The read model on the event store's own connection (the embedded store, same file), so the
   * store can commit projection rows in its appends' transactions (SqliteEventStore.project).
   * `committed`: called after each batch the read model commits on its own (not inside an
   * append), so the store checkpoints those WAL frames off the event loop.
   */
  static shared(db: Database.Database, committed?: () => void): ReadModelDatabase {
    db.pragma(`cache_size = ${READ_MODEL_CACHE_SIZE}`);
    return new ReadModelDatabase(db, false, committed);
  }

  /**
   * Runs `commit`, a transaction of read-model rows and checkpoint only, at `synchronous =
   * NORMAL`: on the event store's connection (FULL, for its appends) it would otherwise wait for
   * an fsync of a catch-up batch's megabytes. Safe for the read model: in WAL mode a commit at
   * NORMAL is atomic and, after a power loss, at worst rolled back whole (rows and checkpoint
   * together), so the projection applies those events again; and the next FULL commit (an
   * append) syncs the WAL with every frame before it. Inside a transaction (an inline
   * projection, part of the append's commit) it only runs `commit`.
   */
  committedAtNormalSync<T>(commit: () => T): T {
    const db = this.db;
    if (this.owned || db.inTransaction) return commit();
    const before = db.pragma('synchronous', { simple: true }) as number;
    if (before <= SYNCHRONOUS_NORMAL) return this.told(commit());
    db.pragma(`synchronous = ${SYNCHRONOUS_NORMAL}`);
    try {
      return this.told(commit());
    } finally {
      db.pragma(`synchronous = ${before}`);
    }
  }

  /** `result` of a commit, once the owner of the connection has been told of it. */
  private told<T>(result: T): T {
    this.onCommit();
    return result;
  }

  /** Whether the read model lives on a connection it shares with the event store. */
  isShared(): boolean {
    return !this.owned;
  }

  /** The generation reads use and the live runner writes. */
  generation(): number {
    return this.current;
  }

  /** The position the generation has applied, '0' when it has applied nothing. */
  checkpoint(generation = this.current): string {
    const row = this.db
      .prepare<[number, string], { position: string }>(
        'SELECT position FROM rm_checkpoints WHERE generation = ? AND projection = ?',
      )
      .get(generation, PROJECTION);
    return row?.position ?? '0';
  }

  /** Empty tables for a generation (dropping leftovers of an interrupted rebuild). */
  createGeneration(generation: number): void {
    this.db.transaction(() => {
      this.dropGeneration(generation);
      this.db.exec(createGenerationSql(generation));
    })();
  }

  dropGeneration(generation: number): void {
    this.db.exec(dropGenerationSql(generation));
    this.db.prepare('DELETE FROM rm_checkpoints WHERE generation = ?').run(generation);
  }

  /** Makes `generation` current and drops the one it replaces, in one transaction. */
  swapTo(generation: number): void {
    const previous = this.current;
    this.db.transaction(() => {
      this.setMeta('generation', String(generation));
      this.dropGeneration(previous);
    })();
    this.current = generation;
  }

  close(): void {
    if (this.owned && this.db.open) this.db.close();
  }

  private meta(key: string): string | undefined {
    return this.db
      .prepare<[string], { value: string }>('SELECT value FROM rm_meta WHERE key = ?')
      .get(key)?.value;
  }

  private setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO rm_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}
