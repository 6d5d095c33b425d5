import type { IncidentView } from '../domain/view-types.js';

/** What `q` searches: title, summary and place name, lower-cased. */
export function searchTextOf(view: Pick<IncidentView, 'title' | 'summary' | 'location'>): string {
  return [view.title, view.summary ?? '', view.location?.name ?? ''].join('\n').toLowerCase();
}
