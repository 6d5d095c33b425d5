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
  ClaimFlag,
  ClaimView,
  IncidentView,
  TimelineEntry,
  ViewBasis,
} from '../../../incidents/domain/view-types.js';

export type { CasualtyRange, IncidentSummary } from '../../../incidents/wire/incident-summary.js';

/** What every write answers (201). */
export type { WriteResult as Written } from '../../../incidents/application/write-result.js';

export type Page<T> = { items: T[]; nextCursor?: string | null };

/**
 * Which past view the page shows: the live one, a revision, or the two clocks: `asOf` (as we
 * knew it at) alone, or `reportedBy` (as reported by), with `asOf` too when bitemporal.
 */
export type ViewPoint =
  | { kind: 'live' }
  | { kind: 'revision'; revision: number }
  | { kind: 'asOf'; at: string }
  | { kind: 'reportedBy'; at: string; asOf?: string };
