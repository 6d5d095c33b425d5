import type Database from 'better-sqlite3';

/**
 * Rows of one kind a batch adds, inserted CHUNK at a time by one multi-row statement: one call
 * into SQLite per chunk instead of one per row (a catch-up adds several such rows per event).
 * Only for rows nothing reads before the batch ends: flush() before the transaction commits.
 */
export class RowBuffer {
  private static readonly CHUNK = 64;
  private readonly chunk: Database.Statement<unknown[]>;
  private readonly one: Database.Statement<unknown[]>;
  private readonly columns: number;
  private values: unknown[] = [];
  private rows = 0;

  /**
   * `insert`: `INSERT ... VALUES` without its values, of rows of `columns` columns; `tail`: what
   * follows the values (an upsert clause).
   */
  constructor(db: Database.Database, insert: string, columns: number, tail = '') {
    const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
    const rows = Array.from({ length: RowBuffer.CHUNK }, () => row).join(', ');
    this.one = db.prepare(`${insert} ${row} ${tail}`);
    this.chunk = db.prepare(`${insert} ${rows} ${tail}`);
    this.columns = columns;
  }

  add(...row: unknown[]): void {
    for (const value of row) this.values.push(value);
    this.rows += 1;
    if (this.rows < RowBuffer.CHUNK) return;
    this.chunk.run(this.values);
    this.clear();
  }

  /** Inserts what is buffered (the rest of a chunk, one row at a time). */
  flush(): void {
    const { values, columns } = this;
    for (let at = 0; at < values.length; at += columns)
      this.one.run(values.slice(at, at + columns));
    this.clear();
  }

  /** Forgets what is buffered (a batch rolled back). */
  clear(): void {
    this.values = [];
    this.rows = 0;
  }
}
