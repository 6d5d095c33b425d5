import type { ClaimView, Page } from './api-types.js';
import { getJson, query } from './http.js';

/** A speaker or outlet and its track record (GET /sources). */
export interface SourceRecord {
  name: string;
  kind: string;
  claims: number;
  asOriginal: number;
  asRelay: number;
  revised: number;
  corrected: number;
  disputed: number;
  supported: number;
  retracted: number;
  firstReportedAt: string;
  lastReportedAt: string;
}

/** One of a source's claims, with its incident (GET /sources/:kind/:name/claims). */
export interface SourceClaim {
  incidentId: string;
  claim: ClaimView;
}

export function listSources(cursor?: string): Promise<Page<SourceRecord>> {
  return getJson(`/sources${query({ limit: 100, cursor })}`);
}

export function listSourceClaims(
  kind: string,
  name: string,
  cursor?: string,
): Promise<Page<SourceClaim>> {
  const path = `/sources/${encodeURIComponent(kind)}/${encodeURIComponent(name)}/claims`;
  return getJson(`${path}${query({ limit: 50, cursor })}`);
}
