/** The read side of the sources' track records: aggregates over the per-claim source rows. */
import type { ClaimView } from '../incidents/domain/view-types.js';
import { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import type { SourceClaim, SourceRecord } from './source-record.js';
import { sourceKey } from './source-tables.js';

export type { SourceClaim, SourceRecord } from './source-record.js';

export class SourceQueries {
  constructor(private readonly queries: ReadModelQueries) {}

  /** Most claims first, then by name; `q` a part of the name (case-insensitive). */
  records(filter: { q?: string; kind?: string }, offset: number, limit: number): SourceRecord[] {
    const t = this.queries.tables;
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.kind !== undefined) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter.q !== undefined) {
      where.push('instr(name_key, ?) > 0');
      params.push(sourceKey(filter.q));
    }
    const sql = `SELECT min(name) AS name, kind, count(*) AS claims, sum(original) AS asOriginal,
        sum(relay) AS asRelay, sum(revised) AS revised, sum(corrected) AS corrected,
        sum(disputed) AS disputed, sum(supported) AS supported, sum(retracted) AS retracted,
        min(first_reported) AS firstReportedAt, max(last_reported) AS lastReportedAt
      FROM ${t.claimSources} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      GROUP BY kind, name_key ORDER BY claims DESC, name_key, kind LIMIT ? OFFSET ?`;
    return this.queries.prepare<SourceRecord>(sql).all(...params, limit, offset);
  }

  exists(kind: string, name: string): boolean {
    const t = this.queries.tables;
    const sql = `SELECT 1 FROM ${t.claimSources} WHERE kind = ? AND name_key = ? LIMIT 1`;
    return this.queries.prepare(sql).get(kind, sourceKey(name)) !== undefined;
  }

  /** The source's claims by incident and first-reported order, after (incident, seq). */
  claims(
    kind: string,
    name: string,
    after: { i: string; c: number },
    limit: number,
  ): (SourceClaim & { seq: number })[] {
    const t = this.queries.tables;
    const sql = `SELECT s.incident_id, s.seq, c.claim_json FROM ${t.claimSources} s
      JOIN ${t.claims} c ON c.incident_id = s.incident_id AND c.seq = s.seq
      WHERE s.kind = ? AND s.name_key = ? AND (s.incident_id, s.seq) > (?, ?)
      ORDER BY s.incident_id, s.seq LIMIT ?`;
    return this.queries
      .prepare<{ incident_id: string; seq: number; claim_json: string }>(sql)
      .all(kind, sourceKey(name), after.i, after.c, limit)
      .map((row) => ({
        incidentId: row.incident_id,
        seq: row.seq,
        claim: JSON.parse(row.claim_json) as ClaimView,
      }));
  }
}
