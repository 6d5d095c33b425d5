import type {
  ClaimHistory,
  IncidentSummary,
  IncidentView,
  Page,
  TimelineEntry,
  ViewPoint,
  Written,
} from './api-types.js';
import { apiErrorOf, type ApiError } from './problem.js';
import { announceUnauthorized, authHeaders } from './read-token.js';

export { ApiError } from './problem.js';

/** The refusal of a failed response (a 401 also tells the token form to ask again). */
export async function apiError(response: Response): Promise<ApiError> {
  if (response.status === 401) announceUnauthorized();
  return apiErrorOf(response);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    headers: { Accept: 'application/json', ...authHeaders() },
    signal,
  });
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as T;
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** POSTs a write with the tab's token; a refusal throws an ApiError with the problem's detail. */
export async function postJson(path: string, body: object): Promise<Written> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
    body: JSON.stringify(body),
  });
  // a refused write is the form's to show: a 401 here does not mean reads need a token
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as Written;
}

export const incidentPath = (id: string): string => `/incidents/${encodeURIComponent(id)}`;

export interface ListQuery {
  status?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export function listIncidents(q: ListQuery, signal?: AbortSignal): Promise<Page<IncidentSummary>> {
  return getJson(`/incidents${query({ ...q })}`, signal);
}

/** The view now, or as it stood at a view point (one of asOf, reportedBy, revision). */
export function getView(id: string, at: ViewPoint = { kind: 'live' }): Promise<IncidentView> {
  const params =
    at.kind === 'revision'
      ? { revision: at.revision }
      : at.kind === 'asOf'
        ? { asOf: at.at }
        : at.kind === 'reportedBy'
          ? { reportedBy: at.at, asOf: at.asOf }
          : {};
  return getJson(`${incidentPath(id)}${query(params)}`);
}

/** Every timeline entry after `after` (a revision), oldest first, across all pages. */
export async function getTimelineAfter(id: string, after?: number): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await getJson<Page<TimelineEntry>>(
      `${incidentPath(id)}/timeline${query({ after, order: 'asc', limit: 1000, cursor })}`,
    );
    entries.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
}

export function getClaimHistory(id: string, claimId: string): Promise<ClaimHistory> {
  return getJson(`${incidentPath(id)}/claims/${encodeURIComponent(claimId)}/history`);
}
