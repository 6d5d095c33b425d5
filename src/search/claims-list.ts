/** GET /incidents/:id/claims: filtered, in pages whose cursor carries the filters. */
import type { ClaimView } from '../incidents/domain/view-types.js';
import type { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { isRecord } from '../incidents/queries/cursor.js';
import type { Page } from '../incidents/queries/pages.js';
import type { ClaimFilter } from './claim-filter.js';
import { filteredClaims } from './claim-filter-queries.js';
import { continueListing, listingCursor } from './listing-cursor.js';

const isSeq = (at: unknown): at is { c: number } =>
  isRecord(at) && Number.isSafeInteger(at.c) && (at.c as number) >= 0;

export function claimsListPage(
  queries: ReadModelQueries,
  incidentId: string,
  request: ClaimFilter & { limit: number; cursor?: string },
): Page<ClaimView> {
  const { state, flag, topic, kind, source, q } = request;
  const given = { state, flag, topic, kind, source, q };
  // the listing is this incident's: a cursor of another incident's claims is refused
  const { filters, at } = continueListing(`claims:${incidentId}`, request.cursor, given, isSeq);
  const afterSeq = at?.c ?? -1;
  const rows = filteredClaims(queries, incidentId, filters, { afterSeq, limit: request.limit + 1 });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => row.claim),
    ...(rows.length > request.limit &&
      last && { nextCursor: listingCursor(`claims:${incidentId}`, filters, { c: last.seq }) }),
  };
}
