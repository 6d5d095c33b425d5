/** An incident's claims in pages (GET /incidents/:id/claims) and a reporter's judgements of them. */
import type { ClaimFilter } from '../../../search/claim-filter.js';
import type { ClaimView, Page, Written } from './api-types.js';
import { getJson, incidentPath, postJson, query } from './http.js';

export type { ClaimFilter } from '../../../search/claim-filter.js';

/**
 * One page of claims, first-reported order: the first with the filter, the next with the cursor
 * (it carries the filter; the page size is the caller's, each time).
 */
export function listClaims(
  incidentId: string,
  page: { filter: ClaimFilter; limit: number } | { cursor: string; limit: number },
  signal?: AbortSignal,
): Promise<Page<ClaimView>> {
  const params =
    'cursor' in page
      ? { cursor: page.cursor, limit: page.limit }
      : { ...page.filter, limit: page.limit };
  return getJson(`${incidentPath(incidentId)}/claims${query(params)}`, signal);
}

export type Judgement = 'support' | 'dispute';

/**
 * Records that `byClaimId` supports (POST …/supports) or disputes (POST …/disputes) the claim,
 * with the tab's token; a refusal is an ApiError with the problem's detail.
 */
export function judgeClaim(
  incidentId: string,
  claimId: string,
  judgement: Judgement,
  byClaimId: string,
  note?: string,
): Promise<Written> {
  const claimPath = `${incidentPath(incidentId)}/claims/${encodeURIComponent(claimId)}`;
  const trimmed = note?.trim();
  const withNote = trimmed ? { note: trimmed } : {};
  return judgement === 'support'
    ? postJson(`${claimPath}/supports`, { supportedByClaimId: byClaimId, ...withNote })
    : postJson(`${claimPath}/disputes`, { disputedByClaimId: byClaimId, ...withNote });
}
