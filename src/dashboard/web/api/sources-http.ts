import type { SourceClaim, SourceRecord } from '../../../sources/source-record.js';
import type { Page } from './api-types.js';
import { getJson, query } from './http.js';

export type { SourceClaim, SourceRecord } from '../../../sources/source-record.js';

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
