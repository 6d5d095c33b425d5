import type { CasualtyEstimateAssessed } from '../../../incidents/domain/events.js';
import type { Written } from './api-types.js';
import { apiError, incidentPath, postJson } from './http.js';
import { authHeaders } from './read-token.js';

/** The assessment's body: the event's fields, its world time left to the service (recordedAt). */
export type AssessmentInput = Omit<CasualtyEstimateAssessed, 'reportedAt'>;

/** Records the desk's low / best / high estimate; a refusal throws its problem `detail`. */
export function postAssessment(incidentId: string, body: AssessmentInput): Promise<Written> {
  return postJson(`${incidentPath(incidentId)}/casualty-assessments`, body);
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
