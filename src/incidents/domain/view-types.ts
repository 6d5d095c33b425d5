/**
 * The read shapes of API.md: the incident view, a claim, a claim history version, a timeline
 * entry and a diff. Types only, importing nothing but event types, so the browser dashboard can
 * import them too.
 */
import type {
  AttributionLink,
  CasualtyEstimateAssessed,
  Figure,
  IncidentEvent,
  IncidentEventType,
  IncidentStatus,
  Location,
  Measure,
  OccurredAt,
  Quoted,
  Topic,
} from './events.js';

export type ClaimKind = 'statement' | 'casualties';

/**
 * A claim's state: the dominant of its flags, retracted > disputed > corrected > revised; a claim
 * without flags is `active`.
 */
export type ClaimStateName = 'active' | 'revised' | 'corrected' | 'disputed' | 'retracted';

/**
 * Every state that applies to a claim at once (API.md, "Claims: every state at once"). `revised`
 * and `corrected` stay once set; `disputed` holds while a non-retracted claim disputes it.
 */
export type ClaimFlag = 'revised' | 'corrected' | 'disputed' | 'supported' | 'retracted';

/** API.md "support and corroboration": retracted > contested > corroborated (≥ 2) > single-source. */
export type CorroborationGrade = 'retracted' | 'contested' | 'corroborated' | 'single-source';

/** Distinct original speakers of the claim and of its non-retracted supporters, and the grade. */
export type Corroboration = { independentSources: number; grade: CorroborationGrade };

export type Retraction = {
  reason: string;
  attribution: AttributionLink[];
  reportedAt: string;
  recordedAt: string;
};

/** Our latest fix of the record: who made it, why, when. */
export type Correction = { by: string; reason: string; recordedAt: string };

export type Dispute = { byClaimId: string; note?: string; reportedAt?: string; recordedAt: string };

/** One support, as a dispute: the supporting claim, its note and times. */
export type Support = Dispute;

export type ClaimView = {
  claimId: string;
  kind: ClaimKind;
  state: ClaimStateName;
  /** Every flag that applies, in the order of CLAIM_FLAGS. */
  flags: ClaimFlag[];
  /** Statements: the current text, whether it is verbatim, its topic and link. */
  text?: string;
  quoted?: Quoted;
  topic?: Topic;
  url?: string;
  /** Casualty claims: the current figures. */
  figures?: Figure[];
  attribution: AttributionLink[];
  /** The attribution chain in words: "speaker (via relay, relay)". */
  source: string;
  /** When the source published the current content. */
  reportedAt: string;
  /** When the source first published the claim. */
  firstReportedAt: string;
  /** When storyline first recorded the claim. */
  recordedAt: string;
  /** When storyline recorded the latest change to the claim. */
  updatedAt: string;
  /** Number of events about this claim. */
  versions: number;
  disputedBy: string[];
  disputes: Dispute[];
  /** Every claim ever recorded as supporting this one, in the order recorded. */
  supportedBy: string[];
  supports: Support[];
  corroboration: Corroboration;
  /** The note of the latest source revision. */
  revisionNote?: string;
  correction?: Correction;
  retraction?: Retraction;
};

export type CasualtySourceView = {
  claimId: string;
  source: string;
  min: number;
  max: number | null;
  reportedAt: string;
  wording?: string;
};

/** The desk's latest estimate for one measure and group, with who made it and when. */
export type CasualtyAssessment = Omit<CasualtyEstimateAssessed, 'reportedAt'> & {
  /** World time: the event's reportedAt, else its recordedAt. */
  reportedAt: string;
  recordedAt: string;
  recordedBy: string;
};

export type CasualtyRangeValue = { min: number; max: number | null };

/** One measure and group: each live claim's current figure, and the range across them. */
export type CasualtyView = {
  measure: Measure;
  group: string;
  /** Lowest min of the sources. */
  min: number;
  /** Highest max of the sources; null when any source gives no upper bound. */
  max: number | null;
  sources: CasualtySourceView[];
  /** The same range over the sources no non-retracted claim disputes; null when every one is. */
  undisputed: CasualtyRangeValue | null;
  /** The desk's latest assessment of this measure and group, or null. */
  assessment: CasualtyAssessment | null;
};

/** The times a `reportedBy` (or bitemporal) view was asked for, so it is not taken for `?revision=`. */
export type ViewBasis = { reportedBy: string; asOf?: string };

export type IncidentView = {
  incidentId: string;
  /** Revision and position of the latest event folded. */
  revision: number;
  position: string;
  title: string;
  summary: string | null;
  location: Location | null;
  occurredAt: OccurredAt | null;
  tags: string[];
  status: IncidentStatus;
  /** recordedAt of IncidentOpened. */
  openedAt: string;
  /** recordedAt of the latest event folded. */
  updatedAt: string;
  claims: ClaimView[];
  casualties: CasualtyView[];
  /** Only on `reportedBy` and bitemporal views; `revision` is then the highest revision folded. */
  basis?: ViewBasis;
};

/** The event's metadata as history versions and timeline entries show it. */
export type EventRef = {
  revision: number;
  position: string;
  eventId: string;
  type: IncidentEventType;
  recordedAt: string;
  recordedBy: string;
  reportedAt?: string;
};

export type ClaimHistoryVersion = EventRef & { claim: ClaimView };

export type ClaimHistory = { claimId: string; versions: ClaimHistoryVersion[] };

export type TimelineEntry = EventRef & { summary: string; data: IncidentEvent['data'] };

export type FieldChange = { field: string; before: unknown; after: unknown };

/** One difference between two views. */
export type ViewChange =
  | { type: 'incident-changed'; field: string; before: unknown; after: unknown }
  | { type: 'claim-added'; claimId: string; claim: ClaimView }
  | {
      type: 'claim-changed';
      claimId: string;
      state: ClaimStateName;
      flags: ClaimFlag[];
      fields: FieldChange[];
    }
  | { type: 'claim-retracted'; claimId: string; flags: ClaimFlag[]; fields: FieldChange[] }
  /** Only when diffing backwards (from a later revision to an earlier one). */
  | { type: 'claim-removed'; claimId: string; claim: ClaimView }
  | {
      type: 'casualties-changed';
      measure: Measure;
      group: string;
      before: CasualtyRangeValue | null;
      after: CasualtyRangeValue | null;
    }
  /** The desk's latest assessment of a measure and group changed. */
  | {
      type: 'casualty-assessed';
      measure: Measure;
      group: string;
      before: CasualtyAssessment | null;
      after: CasualtyAssessment | null;
    };

export type ViewDiff = { from: number; to: number; changes: ViewChange[] };
