/**
 * A big current view read a page of claims at a time from one read snapshot: a read-only
 * connection of its own holds a read transaction (WAL) while the view streams out, so every
 * page is at the revision the answer began with although writes commit meanwhile, and memory
 * holds one page, not the whole view.
 */
import type Database from 'better-sqlite3';
import { openSqlite } from '../../sqlite/open-sqlite.js';
import type { GenerationTables } from '../projections/read-model-schema.js';
import type { RowSource } from '../projections/row-source.js';
import { casualtiesText } from '../projections/view-rows.js';

/**
 * Views (current or at a revision) of incidents with this many claims or more (~1 MB) stream from
 * a read snapshot instead of being made whole first.
 */
export const SNAPSHOT_FROM_CLAIMS = 2000;

/** Claims per page read. */
const PAGE_CLAIMS = 500;
/** Characters per write of a streamed view (each a run of whole claims). */
export const BATCH_CHARS = 256 * 1024;

/**
 * The snapshot connection's page cache, in KiB (negative: a size, not a page count). It reads a
 * view's rows once each (a scan of the claims; for time travel, also one version per changed
 * claim): pages of a scan bigger than the cache are out before they are asked again, so
 * better-sqlite3's default (16 MB) only held RSS (all of it after one GET of the 100,000-event
 * view). 2 MiB keeps the b-trees' upper levels.
 */
const SNAPSHOT_CACHE_SIZE = -2048;

/** One view being read: its text in batches; `end()` ends the read transaction (idempotent). */
export interface SnapshotView {
  batches(): Generator<string>;
  end(): void;
}

/**
 * A view's text in writes of about BATCH_CHARS, each ending at a claim's end: `open`, the claims
 * joined by commas, then `close()` (asked for last, after every claim was read).
 */
export function* textBatches(
  open: string,
  claims: Iterable<string>,
  close: () => string,
): Generator<string> {
  let batch = open;
  let first = true;
  for (const claim of claims) {
    batch += first ? claim : `,${claim}`;
    first = false;
    if (batch.length >= BATCH_CHARS) {
      yield batch;
      batch = '';
    }
  }
  yield batch + close();
}

/** One read transaction on the snapshot connection; `end()` ends it (idempotent). */
export interface ReadSnapshot extends RowSource {
  end(): void;
}

function openSnapshotConnection(file: string): Database.Database {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  db.pragma(`cache_size = ${SNAPSHOT_CACHE_SIZE}`);
  return db;
}

export class ViewSnapshots {
  private db?: Database.Database;
  private busy = false;
  /** The snapshot connection's statements by SQL, for the tables of one generation. */
  private readonly statements = new Map<string, Database.Statement>();
  private statementsFor?: string;

  /** `file`: the read model's SQLite file (none for an in-memory read model: no snapshots). */
  constructor(private readonly file: string | undefined) {}

  /**
   * A read snapshot begun now, reading `tables`; undefined when there is no file or another
   * answer holds the snapshot connection (the caller reads another way).
   */
  open(tables: GenerationTables): ReadSnapshot | undefined {
    if (this.file === undefined || this.busy) return undefined;
    const db = (this.db ??= openSnapshotConnection(this.file));
    db.exec('BEGIN');
    this.busy = true;
    let ended = false;
    if (this.statementsFor !== tables.claims) {
      this.statements.clear();
      this.statementsFor = tables.claims;
    }
    const prepare = <Row>(sql: string): Database.Statement<unknown[], Row> => {
      let statement = this.statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        this.statements.set(sql, statement);
      }
      return statement as Database.Statement<unknown[], Row>;
    };
    return {
      tables,
      prepare,
      read: (reads) => reads(),
      revision: (incidentId) =>
        prepare<{ revision: number }>(
          `SELECT revision FROM ${tables.incidents} WHERE incident_id = ?`,
        ).get(incidentId)?.revision,
      end: () => {
        if (ended) return;
        ended = true;
        this.busy = false;
        if (db.inTransaction) db.exec('COMMIT');
      },
    };
  }

  /**
   * The view of `incidentId` at `revision` from a snapshot begun now; undefined when there is
   * no file, another view holds the snapshot connection, or the rows are no longer at
   * `revision` (the caller reads the view whole instead).
   */
  begin(t: GenerationTables, incidentId: string, revision: number): SnapshotView | undefined {
    const snapshot = this.open(t);
    if (!snapshot) return undefined;
    const prepare = <Row>(sql: string) => snapshot.prepare<Row>(sql);
    const end = () => snapshot.end();
    const row = prepare<{ details_json: string; revision: number }>(
      `SELECT details_json, revision FROM ${t.incidents} WHERE incident_id = ?`,
    ).get(incidentId);
    if (row?.revision !== revision) {
      end();
      return undefined;
    }
    const page = prepare<{ seq: number; claim_json: string }>(
      `SELECT seq, claim_json FROM ${t.claims} WHERE incident_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    );
    function* claims(): Generator<string> {
      let after = -1;
      for (;;) {
        const rows = page.all(incidentId, after, PAGE_CLAIMS);
        for (const { claim_json } of rows) yield claim_json;
        if (rows.length < PAGE_CLAIMS) return;
        after = rows[rows.length - 1].seq;
      }
    }
    const open = `${row.details_json.slice(0, -1)},"claims":[`;
    const close = () => `],"casualties":${casualtiesText(prepare, t, incidentId)}}`;
    return { batches: () => textBatches(open, claims(), close), end };
  }

  close(): void {
    this.statements.clear();
    this.db?.close();
    this.db = undefined;
  }
}
