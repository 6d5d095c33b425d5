import type { IncidentStatus, Location, Measure, OccurredAt } from '../domain/events.js';
import type { IncidentView } from '../domain/view-types.js';

/** A consolidated casualty range without its sources (the list shows the ranges only). */
export interface CasualtyRange {
  measure: Measure;
  group: string;
  min: number;
  max: number | null;
}

/** One item of GET /incidents. */
export interface IncidentSummary {
  incidentId: string;
  title: string;
  status: IncidentStatus;
  tags: string[];
  location: Location | null;
  occurredAt: OccurredAt | null;
  updatedAt: string;
  revision: number;
  position: string;
  claimCount: number;
  casualties: CasualtyRange[];
}

/** What `q` searches: title, summary and place name, lower-cased. */
export function searchTextOf(view: Pick<IncidentView, 'title' | 'summary' | 'location'>): string {
  return [view.title, view.summary ?? '', view.location?.name ?? ''].join('\n').toLowerCase();
}
