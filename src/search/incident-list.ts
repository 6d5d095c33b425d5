/**
 * GET /incidents: with `q`, the incidents holding every word, ranked (offset paging, since a
 * rank is not a key); without, newest position first (keyset paging on the position).
 */
import type { IncidentSummary } from '../incidents/wire/incident-summary.js';
import type { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { isRecord } from '../incidents/queries/cursor.js';
import type { Page } from '../incidents/queries/pages.js';
import { wordsOrRefuse } from './fts-query.js';
import { continueListing, isOffset, listingCursor } from './listing-cursor.js';
import type { SearchQueries } from './search-queries.js';

export interface ListRequest {
  status?: string;
  tag?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

type ListFilters = { status?: string; tag?: string; q?: string };

const isKey = (at: unknown): at is { k: string } =>
  isRecord(at) && typeof at.k === 'string' && /^\d{20}$/.test(at.k);

const isListAt = (at: unknown, filters: ListFilters): at is { k: string } | { o: number } =>
  filters.q === undefined ? isKey(at) : isOffset(at);

export function incidentListPage(
  queries: ReadModelQueries,
  search: SearchQueries,
  request: ListRequest,
): Page<IncidentSummary> {
  const given = { status: request.status, tag: request.tag, q: request.q };
  const { filters, at } = continueListing('incidents', request.cursor, given, isListAt);
  const { status, tag, q, limit } = { ...filters, limit: request.limit };
  if (q !== undefined) {
    const offset = at && 'o' in at ? at.o : 0;
    const rows = search.incidents({
      words: wordsOrRefuse(q),
      status,
      tag,
      offset,
      limit: limit + 1,
    });
    const more = rows.length > limit;
    return {
      items: rows.slice(0, limit),
      ...(more && { nextCursor: listingCursor('incidents', filters, { o: offset + limit }) }),
    };
  }
  const before = at && 'k' in at ? at.k : undefined;
  const rows = queries.list({ status, tag, before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => row.summary),
    ...(rows.length > limit &&
      last && { nextCursor: listingCursor('incidents', filters, { k: last.sortKey }) }),
  };
}
