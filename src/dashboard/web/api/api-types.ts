/**
 * The HTTP shapes the page reads. The view, claim, history and timeline types come from the
 * domain (types only, no Node imports) so the page and the service cannot drift apart.
 */
import type { IncidentStatus, Measure } from '../../../incidents/domain/events.js';
import type { CasualtyView } from '../../../incidents/domain/view-types.js';

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

/** One consolidated casualty range in an incidents-list item. */
export type CasualtyRange = { measure: Measure; group: string; min: number; max: number | null };

/**
 * An item of `GET /incidents`. API.md leaves the summary open; the page relies only on the id,
 * title, status and update time, and shows the other fields when the service sends them.
 */
export type IncidentSummary = {
  incidentId: string;
  title: string;
  status: IncidentStatus;
  updatedAt: string;
  openedAt?: string;
  revision?: number;
  location?: { name: string } | null;
  tags?: string[];
  claimCount?: number;
  casualties?: Array<CasualtyRange | CasualtyView>;
};

export type Page<T> = { items: T[]; nextCursor?: string | null };

/** Which past view the page shows: the live one, or one of the three time-travel queries. */
export type ViewPoint =
  | { kind: 'live' }
  | { kind: 'revision'; revision: number }
  | { kind: 'asOf'; at: string }
  | { kind: 'reportedBy'; at: string };
