/**
 * One command per write route of API.md. Ids are filled in by the caller (the HTTP layer
 * generates missing ones) so `decide` stays deterministic. Times are ISO 8601 strings with a zone.
 */
import type {
  AttributionLink,
  CasualtyEstimateAssessed,
  Figure,
  IncidentOpened,
  IncidentStatus,
  Location,
  OccurredAt,
  Quoted,
  Topic,
} from './events.js';

/** POST /incidents */
export type OpenIncident = { type: 'OpenIncident' } & IncidentOpened;

/** PATCH /incidents/:id — absent fields stay as they are; `null` clears an optional field. */
export type ReviseIncidentDetails = {
  type: 'ReviseIncidentDetails';
  incidentId: string;
  title?: string;
  summary?: string | null;
  location?: Location | null;
  occurredAt?: OccurredAt | null;
  tags?: string[];
  reason?: string;
  reportedAt?: string;
};

/** POST /incidents/:id/status */
export type ChangeStatus = {
  type: 'ChangeStatus';
  incidentId: string;
  status: IncidentStatus;
  reason?: string;
  reportedAt?: string;
};

/** POST /incidents/:id/statements — `quoted` defaults to 'paraphrase'. */
export type ReportStatement = {
  type: 'ReportStatement';
  incidentId: string;
  claimId: string;
  text: string;
  quoted?: Quoted;
  topic?: Topic;
  attribution: AttributionLink[];
  reportedAt: string;
  url?: string;
};

/** POST /incidents/:id/casualty-reports */
export type ReportCasualtyFigures = {
  type: 'ReportCasualtyFigures';
  incidentId: string;
  claimId: string;
  attribution: AttributionLink[];
  reportedAt: string;
  figures: Figure[];
};

/** POST /incidents/:id/claims/:claimId/revisions */
export type ReviseClaim = {
  type: 'ReviseClaim';
  incidentId: string;
  claimId: string;
  text?: string;
  figures?: Figure[];
  attribution: AttributionLink[];
  reportedAt: string;
  note?: string;
  quoted?: Quoted;
};

/** POST /incidents/:id/claims/:claimId/corrections */
export type CorrectClaim = {
  type: 'CorrectClaim';
  incidentId: string;
  claimId: string;
  text?: string;
  figures?: Figure[];
  attribution?: AttributionLink[];
  quoted?: Quoted;
  reason: string;
};

/** POST /incidents/:id/claims/:claimId/disputes */
export type DisputeClaim = {
  type: 'DisputeClaim';
  incidentId: string;
  claimId: string;
  disputedByClaimId: string;
  note?: string;
  reportedAt?: string;
};

/** POST /incidents/:id/claims/:claimId/retractions */
export type RetractClaim = {
  type: 'RetractClaim';
  incidentId: string;
  claimId: string;
  attribution: AttributionLink[];
  reportedAt: string;
  reason: string;
};

/** POST /incidents/:id/claims/:claimId/supports */
export type SupportClaim = {
  type: 'SupportClaim';
  incidentId: string;
  claimId: string;
  supportedByClaimId: string;
  note?: string;
  reportedAt?: string;
};

/** POST /incidents/:id/casualty-assessments */
export type AssessCasualties = {
  type: 'AssessCasualties';
  incidentId: string;
} & CasualtyEstimateAssessed;

export type Command =
  | OpenIncident
  | ReviseIncidentDetails
  | ChangeStatus
  | ReportStatement
  | ReportCasualtyFigures
  | ReviseClaim
  | CorrectClaim
  | DisputeClaim
  | RetractClaim
  | SupportClaim
  | AssessCasualties;

export type CommandType = Command['type'];
