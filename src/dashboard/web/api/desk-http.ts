import type { Measure } from './api-types.js';
import { apiError } from './http.js';
import { authHeaders } from './read-token.js';

/** What every write answers (201). */
export interface Written {
  incidentId: string;
  eventId: string;
  revision: number;
  position: string;
}

export interface AssessmentInput {
  measure: Measure;
  group: string;
  low: number;
  best: number;
  high: number | null;
  basis: string[];
  reason: string;
}

const incidentPath = (id: string): string => `/incidents/${encodeURIComponent(id)}`;

/** Records the desk's low / best / high estimate; a refusal throws its problem `detail`. */
export async function postAssessment(incidentId: string, body: AssessmentInput): Promise<Written> {
  const response = await fetch(`${incidentPath(incidentId)}/casualty-assessments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as Written;
}

export type CsvExport = 'claims' | 'casualties';

/**
 * Fetches an export with the bearer token (a plain link cannot send it when reads are private)
 * and saves it under the service's file name.
 */
export async function downloadCsv(incidentId: string, which: CsvExport): Promise<void> {
  const response = await fetch(`${incidentPath(incidentId)}/${which}.csv`, {
    headers: { Accept: 'text/csv', ...authHeaders() },
  });
  if (!response.ok) throw await apiError(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${incidentId}-${which}.csv`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once it starts; free the Blob after this task
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
