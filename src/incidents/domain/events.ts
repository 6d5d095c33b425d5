/**
 * The incident events of DESIGN.md ("The model") and the value types they carry.
 * Every type here is plain JSON (no Date, no Map) so events are stored and sent as they are.
 * No imports: the browser dashboard may import these types too.
 */

/** Kinds of a link in an attribution chain. */
export const ATTRIBUTION_KINDS = [
  'wire',
  'outlet',
  'state-media',
  'official',
  'military',
  'armed-group',
  'government',
  'ngo',
  'person',
  'other',
] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

/** What a casualty figure counts. */
export const MEASURES = ['killed', 'injured', 'missing'] as const;
export type Measure = (typeof MEASURES)[number];

/** What a statement is about. */
export const TOPICS = [
  'target',
  'responsibility',
  'casualties',
  'damage',
  'intent',
  'context',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Status of an incident; any transition is allowed as long as it changes the status. */
export const STATUSES = ['developing', 'disputed', 'confirmed', 'acknowledged', 'closed'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

/** How precisely `occurredAt.at` is known. */
export const PRECISIONS = ['minute', 'hour', 'day', 'month'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Whether a statement's text is the source's own words or our rewording. */
export const QUOTED = ['verbatim', 'paraphrase'] as const;
export type Quoted = (typeof QUOTED)[number];

/** One link of an attribution chain: the original speaker first, then each relay. */
export type AttributionLink = {
  name: string;
  kind: AttributionKind;
  /** false for an unnamed speaker ("a US official"). */
  named?: boolean;
  role?: string;
  url?: string;
  archiveUrl?: string;
};

/** A casualty figure: a range, `max: null` meaning no upper bound ("at least 3"). */
export type Figure = {
  measure: Measure;
  group: string;
  min: number;
  max: number | null;
  /** The source's own wording, e.g. "at least", "casualties believed". */
  wording?: string;
};

export type Location = { name: string; lat?: number; lon?: number };

/** When the thing happened in the world; `at` is an ISO 8601 UTC time. */
export type OccurredAt = { at: string; precision: Precision };

export type IncidentOpened = {
  incidentId: string;
  title: string;
  summary?: string;
  location?: Location;
  occurredAt?: OccurredAt;
  tags?: string[];
};

/** Only the fields that changed are present; `null` clears an optional field. */
export type IncidentDetailsRevised = {
  title?: string;
  summary?: string | null;
  location?: Location | null;
  occurredAt?: OccurredAt | null;
  tags?: string[];
  reason?: string;
  /** World time: when the detail became known in the world; absent, its recordedAt counts. */
  reportedAt?: string;
};

export type StatementReported = {
  claimId: string;
  text: string;
  quoted: Quoted;
  topic?: Topic;
  attribution: AttributionLink[];
  reportedAt: string;
  url?: string;
};

export type CasualtyFiguresReported = {
  claimId: string;
  attribution: AttributionLink[];
  reportedAt: string;
  figures: Figure[];
};

/** The source itself changed its claim: `text` for a statement, `figures` for casualties. */
export type ClaimRevisedBySource = {
  claimId: string;
  text?: string;
  figures?: Figure[];
  attribution: AttributionLink[];
  reportedAt: string;
  note?: string;
  /** Present when the revision says whether its text is verbatim. */
  quoted?: Quoted;
};

/** We fixed our own record of a claim; only corrected fields are present. */
export type ClaimCorrected = {
  claimId: string;
  text?: string;
  figures?: Figure[];
  attribution?: AttributionLink[];
  quoted?: Quoted;
  reason: string;
};

/** Without `reportedAt` (as every dispute recorded before world times), it takes effect as soon as both claims are known. */
export type ClaimDisputed = {
  claimId: string;
  disputedByClaimId: string;
  note?: string;
  reportedAt?: string;
};

/** Another claim corroborates this one; without `reportedAt` it takes effect once both claims are known. */
export type ClaimSupported = {
  claimId: string;
  supportedByClaimId: string;
  note?: string;
  reportedAt?: string;
};

/**
 * The desk's own low / best / high estimate of one measure and group (as UCDP codes them), with
 * the claims it rests on; `high: null` means no upper bound. World time: `reportedAt`, else its
 * recordedAt.
 */
export type CasualtyEstimateAssessed = {
  measure: Measure;
  group: string;
  low: number;
  best: number;
  high: number | null;
  basis: string[];
  reason: string;
  reportedAt?: string;
};

export type ClaimRetracted = {
  claimId: string;
  attribution: AttributionLink[];
  reportedAt: string;
  reason: string;
};

/** `previousStatus` lets a reader (timeline, feed) show the transition without the state. */
export type IncidentStatusChanged = {
  status: IncidentStatus;
  previousStatus: IncidentStatus;
  reason?: string;
  /** World time of the change; absent, its recordedAt counts. */
  reportedAt?: string;
};

export type IncidentEvent =
  | { type: 'IncidentOpened'; data: IncidentOpened }
  | { type: 'IncidentDetailsRevised'; data: IncidentDetailsRevised }
  | { type: 'StatementReported'; data: StatementReported }
  | { type: 'CasualtyFiguresReported'; data: CasualtyFiguresReported }
  | { type: 'ClaimRevisedBySource'; data: ClaimRevisedBySource }
  | { type: 'ClaimCorrected'; data: ClaimCorrected }
  | { type: 'ClaimDisputed'; data: ClaimDisputed }
  | { type: 'ClaimRetracted'; data: ClaimRetracted }
  | { type: 'ClaimSupported'; data: ClaimSupported }
  | { type: 'CasualtyEstimateAssessed'; data: CasualtyEstimateAssessed }
  | { type: 'IncidentStatusChanged'; data: IncidentStatusChanged };

export type IncidentEventType = IncidentEvent['type'];

/** Schema version stored in each event's metadata; bump one when its data shape changes. */
export const SCHEMA_VERSION = {
  IncidentOpened: 1,
  IncidentDetailsRevised: 1,
  StatementReported: 1,
  CasualtyFiguresReported: 1,
  ClaimRevisedBySource: 1,
  ClaimCorrected: 1,
  ClaimDisputed: 1,
  ClaimRetracted: 1,
  IncidentStatusChanged: 1,
  ClaimSupported: 1,
  CasualtyEstimateAssessed: 1,
} as const satisfies Record<IncidentEventType, number>;

/** Every event type, e.g. to recognise incident events read from the global log. */
export const INCIDENT_EVENT_TYPES = Object.keys(SCHEMA_VERSION) as IncidentEventType[];

export function isIncidentEventType(type: string): type is IncidentEventType {
  return Object.hasOwn(SCHEMA_VERSION, type);
}

/** Prefix of every incident stream (for `SubscribeOptions.streamPrefix`). */
export const INCIDENT_STREAM_PREFIX = 'incident-';

/** The stream that holds one incident's events. */
export function streamIdOf(incidentId: string): string {
  return INCIDENT_STREAM_PREFIX + incidentId;
}

/** The incident id of an incident stream, or null for any other stream. */
export function incidentIdOf(streamId: string): string | null {
  return streamId.startsWith(INCIDENT_STREAM_PREFIX)
    ? streamId.slice(INCIDENT_STREAM_PREFIX.length)
    : null;
}

/** The source's report time of an event, when the event carries one. */
export function reportedAtOf(event: IncidentEvent): string | undefined {
  return 'reportedAt' in event.data ? event.data.reportedAt : undefined;
}

/** The claim an event is about, when it is about one. */
export function claimIdOfEvent(event: IncidentEvent): string | undefined {
  return 'claimId' in event.data ? event.data.claimId : undefined;
}
