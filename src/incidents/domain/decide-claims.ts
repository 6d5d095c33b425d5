/** The part of `decide` for commands about claims: reports, revisions, corrections, disputes, retractions. */
import type {
  Command,
  CorrectClaim,
  DisputeClaim,
  ReportCasualtyFigures,
  ReportStatement,
  RetractClaim,
  ReviseClaim,
} from './commands.js';
import { linkedClaims } from './claim-link.js';
import { deepEqual } from './equal.js';
import { DomainError } from './errors.js';
import type { ClaimCorrected, ClaimRevisedBySource, Figure, IncidentEvent } from './events.js';
import type { ClaimReader } from './incident-fold.js';
import { liveClaim } from './live-claim.js';
import type { ClaimState } from './state.js';
import {
  checkAttribution,
  checkFigures,
  checkQuoted,
  checkReportedAt,
  checkTopic,
  optionalText,
  requireText,
  worldTime,
} from './validate.js';

export type ClaimCommand = Exclude<
  Command,
  {
    type:
      | 'OpenIncident'
      | 'ReviseIncidentDetails'
      | 'ChangeStatus'
      | 'SupportClaim'
      | 'AssessCasualties';
  }
>;

export function decideClaimCommand(
  command: ClaimCommand,
  claims: ClaimReader,
  now: Date,
): IncidentEvent {
  switch (command.type) {
    case 'ReportStatement':
      return reportStatement(command, claims, now);
    case 'ReportCasualtyFigures':
      return reportFigures(command, claims, now);
    case 'ReviseClaim':
      return reviseClaim(command, claims, now);
    case 'CorrectClaim':
      return correctClaim(command, claims);
    case 'DisputeClaim':
      return disputeClaim(command, claims, now);
    case 'RetractClaim':
      return retractClaim(command, claims, now);
  }
}

function requireNewClaimId(claims: ClaimReader, claimId: string): string {
  const id = requireText(claimId, 'claimId');
  if (claims.claim(id)) {
    throw new DomainError('claim_exists', `claim ${id} already exists in this incident`, 'claimId');
  }
  return id;
}

/** Text and `quoted` only for statements, figures only for casualty claims. */
function checkKind(
  claim: ClaimState,
  { text, figures, quoted }: { text?: string; figures?: Figure[]; quoted?: string },
) {
  if (claim.kind === 'statement' && figures !== undefined) {
    throw new DomainError('claim_kind_mismatch', 'a statement has no figures', 'figures');
  }
  if (claim.kind === 'casualties' && text !== undefined) {
    throw new DomainError('claim_kind_mismatch', 'a casualties claim has no text', 'text');
  }
  if (claim.kind === 'casualties' && quoted !== undefined) {
    throw new DomainError('claim_kind_mismatch', 'a casualties claim has no quoted', 'quoted');
  }
}

/** A source cannot revise or withdraw what it has not yet said. */
function checkReportedAfterClaim(claim: ClaimState, reportedAt: string): string {
  if (Date.parse(reportedAt) < Date.parse(claim.firstReportedAt)) {
    throw new DomainError(
      'reported_before_claim',
      `reportedAt ${reportedAt} is before claim ${claim.claimId} was first reported (${claim.firstReportedAt})`,
      'reportedAt',
    );
  }
  return reportedAt;
}

function reportStatement(command: ReportStatement, claims: ClaimReader, now: Date): IncidentEvent {
  const { topic, url } = command;
  return {
    type: 'StatementReported',
    data: {
      claimId: requireNewClaimId(claims, command.claimId),
      text: requireText(command.text, 'text'),
      quoted: command.quoted === undefined ? 'paraphrase' : checkQuoted(command.quoted),
      ...(topic !== undefined && { topic: checkTopic(topic) }),
      attribution: checkAttribution(command.attribution),
      reportedAt: checkReportedAt(command.reportedAt, now),
      ...(url !== undefined && { url: requireText(url, 'url') }),
    },
  };
}

function reportFigures(
  command: ReportCasualtyFigures,
  claims: ClaimReader,
  now: Date,
): IncidentEvent {
  return {
    type: 'CasualtyFiguresReported',
    data: {
      claimId: requireNewClaimId(claims, command.claimId),
      attribution: checkAttribution(command.attribution),
      reportedAt: checkReportedAt(command.reportedAt, now),
      figures: checkFigures(command.figures),
    },
  };
}

function reviseClaim(command: ReviseClaim, claims: ClaimReader, now: Date): IncidentEvent {
  const claim = liveClaim(claims, command.claimId);
  checkKind(claim, command);
  const text = optionalText(command.text, 'text');
  const quoted = command.quoted === undefined ? undefined : checkQuoted(command.quoted);
  const figures = command.figures === undefined ? undefined : checkFigures(command.figures);
  const attribution = checkAttribution(command.attribution);
  const reportedAt = checkReportedAfterClaim(claim, checkReportedAt(command.reportedAt, now));
  const note = optionalText(command.note, 'note');
  const changes =
    (text !== undefined && text !== claim.text) ||
    (quoted !== undefined && quoted !== claim.quoted) ||
    (figures !== undefined && !deepEqual(figures, claim.figures)) ||
    !deepEqual(attribution, claim.attribution);
  if (!changes) {
    throw new DomainError('nothing_to_change', 'the revision repeats the claim as it stands');
  }
  const data: ClaimRevisedBySource = {
    claimId: claim.claimId,
    ...(text !== undefined && { text }),
    ...(quoted !== undefined && { quoted }),
    ...(figures !== undefined && { figures }),
    attribution,
    reportedAt,
    ...(note !== undefined && { note }),
  };
  return { type: 'ClaimRevisedBySource', data };
}

/** Keeps only the corrected fields that differ from the record; none left is an error. */
function correctClaim(command: CorrectClaim, claims: ClaimReader): IncidentEvent {
  const claim = liveClaim(claims, command.claimId);
  checkKind(claim, command);
  const reason = requireText(command.reason, 'reason');
  const data: ClaimCorrected = { claimId: claim.claimId, reason };
  const text = optionalText(command.text, 'text');
  if (text !== undefined && text !== claim.text) data.text = text;
  if (command.quoted !== undefined) {
    const quoted = checkQuoted(command.quoted);
    if (quoted !== claim.quoted) data.quoted = quoted;
  }
  if (command.figures !== undefined) {
    const figures = checkFigures(command.figures);
    if (!deepEqual(figures, claim.figures)) data.figures = figures;
  }
  if (command.attribution !== undefined) {
    const attribution = checkAttribution(command.attribution);
    if (!deepEqual(attribution, claim.attribution)) data.attribution = attribution;
  }
  const fields = ['text', 'quoted', 'figures', 'attribution'] as const;
  if (fields.every((field) => data[field] === undefined)) {
    throw new DomainError('nothing_to_change', 'the correction does not change the claim');
  }
  return { type: 'ClaimCorrected', data };
}

function disputeClaim(command: DisputeClaim, claims: ClaimReader, now: Date): IncidentEvent {
  const [claim, by] = linkedClaims('dispute', claims, command.claimId, command.disputedByClaimId);
  const note = optionalText(command.note, 'note');
  return {
    type: 'ClaimDisputed',
    data: {
      claimId: claim.claimId,
      disputedByClaimId: by.claimId,
      ...(note !== undefined && { note }),
      ...worldTime(command, now),
    },
  };
}

function retractClaim(command: RetractClaim, claims: ClaimReader, now: Date): IncidentEvent {
  const claim = liveClaim(claims, command.claimId);
  return {
    type: 'ClaimRetracted',
    data: {
      claimId: claim.claimId,
      attribution: checkAttribution(command.attribution),
      reportedAt: checkReportedAfterClaim(claim, checkReportedAt(command.reportedAt, now)),
      reason: requireText(command.reason, 'reason'),
    },
  };
}
