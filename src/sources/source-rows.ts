/**
 * The write side of the sources' track records: for each claim a batch changed, its rows are
 * replaced by one per source its current attribution chain names, so a revision or correction
 * that changes the chain moves the counts. Called by the writer inside the batch's transaction.
 */
import type Database from 'better-sqlite3';
import type { ClaimState } from '../incidents/domain/state.js';
import { generationTables } from '../incidents/projections/read-model-schema.js';
import { LruMap } from '../common/cache/lru-map.js';
import { RowBuffer } from '../incidents/projections/row-buffer.js';
import { sourceKey } from './source-tables.js';

/** Names whose key is kept (least recently used out first). */
const MAX_KEYS = 10_000;

type Flag = 'revised' | 'corrected' | 'disputed' | 'supported' | 'retracted';

export class SourceRows {
  private readonly drop: Database.Statement<[string, number]>;
  /** Written at flush(): nothing reads them before the batch ends. */
  private readonly rows: RowBuffer;

  /** sourceKey by name: a story names few sources, and case-folding each link is not cheap. */
  private readonly keys = new LruMap<string, string>(MAX_KEYS);

  constructor(db: Database.Database, generation: number) {
    const t = generationTables(generation);
    this.drop = db.prepare(`DELETE FROM ${t.claimSources} WHERE incident_id = ? AND seq = ?`);
    // a chain naming one source twice: one row, original and relay both kept
    this.rows = new RowBuffer(
      db,
      `INSERT INTO ${t.claimSources} (incident_id, claim_id, kind, name_key, name, seq, original,
         relay, revised, corrected, disputed, supported, retracted, first_reported, last_reported)
       VALUES`,
      15,
      `ON CONFLICT (incident_id, seq, kind, name_key)
       DO UPDATE SET original = max(original, excluded.original), relay = max(relay, excluded.relay)`,
    );
  }

  /** `isNew`: the claim has no rows yet (first folded in this batch), so none are dropped. */
  saveClaim(incidentId: string, seq: number, claim: ClaimState, isNew = false): void {
    if (!isNew) this.drop.run(incidentId, seq);
    const flags = claim.flags as readonly string[];
    const has = (flag: Flag) => (flags.includes(flag) ? 1 : 0);
    // the later of the two as text (ISO times), without an array to sort per claim
    const retracted = claim.retraction?.reportedAt ?? '';
    const last = retracted > claim.reportedAt ? retracted : claim.reportedAt;
    claim.attribution.forEach((link, at) => {
      const key = this.keyOf(link.name);
      if (key === '') return;
      this.rows.add(
        incidentId,
        claim.claimId,
        link.kind,
        key,
        link.name.trim(),
        seq,
        at === 0 ? 1 : 0,
        at > 0 ? 1 : 0,
        has('revised'),
        has('corrected'),
        has('disputed'),
        has('supported'),
        has('retracted'),
        claim.firstReportedAt,
        last,
      );
    });
  }

  /** Writes the buffered rows (before the batch's transaction commits). */
  flush(): void {
    this.rows.flush();
  }

  /** Forgets buffered rows of a batch that failed. */
  discard(): void {
    this.rows.clear();
  }

  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = sourceKey(name);
      this.keys.set(name, key);
    }
    return key;
  }
}
