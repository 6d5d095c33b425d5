/** GET /incidents/:id/claims with filters: one incident's claims, in first-reported order. */
import type { ClaimView } from '../incidents/domain/view-types.js';
import { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { sourceKey } from '../sources/source-tables.js';
import type { ClaimFilter } from './claim-filter.js';
import { ftsAll, wordsOrRefuse } from './fts-query.js';

export function filteredClaims(
  queries: ReadModelQueries,
  incidentId: string,
  filter: ClaimFilter,
  page: { afterSeq: number; limit: number },
): { seq: number; claim: ClaimView }[] {
  const t = queries.tables;
  const where = ['c.incident_id = ?', 'c.seq > ?'];
  const params: (string | number)[] = [incidentId, page.afterSeq];
  const add = (sql: string, ...values: string[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.state !== undefined) add(`json_extract(c.claim_json, '$.state') = ?`, filter.state);
  if (filter.kind !== undefined) add(`json_extract(c.claim_json, '$.kind') = ?`, filter.kind);
  if (filter.topic !== undefined) add(`json_extract(c.claim_json, '$.topic') = ?`, filter.topic);
  if (filter.flag !== undefined) {
    add(`EXISTS (SELECT 1 FROM json_each(c.claim_json, '$.flags') WHERE value = ?)`, filter.flag);
  }
  if (filter.source !== undefined) {
    add(
      `EXISTS (SELECT 1 FROM ${t.claimSources} s
        WHERE s.incident_id = c.incident_id AND s.seq = c.seq AND s.name_key = ?)`,
      sourceKey(filter.source),
    );
  }
  if (filter.q !== undefined) {
    add(
      `c.claim_id IN (SELECT claim_id FROM ${t.search}
        WHERE ${t.search} MATCH ? AND incident_id = ? AND claim_id <> '')`,
      ftsAll(wordsOrRefuse(filter.q)),
      incidentId,
    );
  }
  const sql = `SELECT c.seq, c.claim_json FROM ${t.claims} c WHERE ${where.join(' AND ')}
    ORDER BY c.seq LIMIT ?`;
  return queries
    .prepare<{ seq: number; claim_json: string }>(sql)
    .all(...params, page.limit)
    .map((row) => ({ seq: row.seq, claim: JSON.parse(row.claim_json) as ClaimView }));
}
