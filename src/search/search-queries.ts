/**
 * The read side of the full-text index: incidents whose documents hold every word (the words
 * may be spread over the incident's fields and its claims), and claims across incidents whose
 * own document holds every word. Both ranked by bm25 (summed over an incident's documents),
 * then by recency.
 */
import type { ClaimView } from '../incidents/domain/view-types.js';
import type { IncidentSummary } from '../incidents/wire/incident-summary.js';
import { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { ftsAll, ftsAny, ftsWords } from './fts-query.js';

export interface IncidentSearch {
  words: string[];
  status?: string;
  tag?: string;
  offset: number;
  limit: number;
}

export interface ClaimHit {
  incidentId: string;
  claim: ClaimView;
}

export class SearchQueries {
  constructor(private readonly queries: ReadModelQueries) {}

  incidents(search: IncidentSearch): IncidentSummary[] {
    const t = this.queries.tables;
    const each = ftsWords(search.words);
    const all = each
      .map(() => `SELECT incident_id FROM ${t.search} WHERE ${t.search} MATCH ?`)
      .join(' INTERSECT ');
    const where = [`h.id IN (${all})`];
    const params: (string | number)[] = [ftsAny(search.words), ...each];
    if (search.status !== undefined) {
      where.push('i.status = ?');
      params.push(search.status);
    }
    if (search.tag !== undefined) {
      where.push('EXISTS (SELECT 1 FROM json_each(i.tags_json) WHERE value = ?)');
      params.push(search.tag);
    }
    const sql = `
      WITH h AS MATERIALIZED (SELECT incident_id AS id, bm25(${t.search}) AS score
                 FROM ${t.search} WHERE ${t.search} MATCH ?)
      SELECT i.summary_json FROM h JOIN ${t.incidents} i ON i.incident_id = h.id
      WHERE ${where.join(' AND ')}
      GROUP BY h.id ORDER BY sum(h.score), i.sort_key DESC, h.id LIMIT ? OFFSET ?`;
    return this.queries
      .prepare<{ summary_json: string }>(sql)
      .all(...params, search.limit, search.offset)
      .map((row) => JSON.parse(row.summary_json) as IncidentSummary);
  }

  claims(words: string[], offset: number, limit: number): ClaimHit[] {
    const t = this.queries.tables;
    const sql = `
      SELECT s.incident_id, c.claim_json FROM ${t.search} s
      JOIN ${t.claims} c ON c.incident_id = s.incident_id AND c.claim_id = s.claim_id
      WHERE ${t.search} MATCH ? AND s.claim_id <> ''
      ORDER BY bm25(${t.search}), s.recent DESC, s.rowid LIMIT ? OFFSET ?`;
    return this.queries
      .prepare<{ incident_id: string; claim_json: string }>(sql)
      .all(ftsAll(words), limit, offset)
      .map((row) => ({
        incidentId: row.incident_id,
        claim: JSON.parse(row.claim_json) as ClaimView,
      }));
  }
}
