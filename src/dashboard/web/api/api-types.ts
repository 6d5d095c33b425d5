/**
 * The HTTP shapes the page reads. The view, claim, history and timeline types come from the
 * domain (types only, no Node imports) so the page and the service cannot drift apart.
 */
export type {
  AttributionLink,
  Figure,
  IncidentStatus,
  Measure,
  Topic,
} from '../../../incidents/domain/events.js';
export { STATUSES } from '../../../incidents/domain/events.js';
export type {
  CasualtySourceView,
  CasualtyView,
  ClaimHistory,
  ClaimHistoryVersion,
  ClaimView,
  IncidentView,
  TimelineEntry,
} from '../../../incidents/domain/view-types.js';

export type {
  CasualtyRange,
  IncidentSummary,
} from '../../../incidents/projections/incident-summary.js';

export type Page<T> = { items: T[]; nextCursor?: string | null };

/** Which past view the page shows: the live one, or one of the three time-travel queries. */
export type ViewPoint =
  | { kind: 'live' }
  | { kind: 'revision'; revision: number }
  | { kind: 'asOf'; at: string }
  | { kind: 'reportedBy'; at: string };
