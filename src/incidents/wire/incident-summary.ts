/** Wire types of GET /incidents, shared by the service and the dashboard (types only, no Node). */
import type { IncidentStatus, Location, Measure, OccurredAt } from '../domain/events.js';

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
