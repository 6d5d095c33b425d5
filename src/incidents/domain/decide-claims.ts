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
import { deepEqual } from './equal.js';
import { DomainError } from './errors.js';
import type { ClaimCorrected, ClaimRevisedBySource, Figure, IncidentEvent } from './events.js';
import { findClaim, type ClaimState, type IncidentState } from './state.js';
import {
  checkAttribution,
  checkFigures,
  checkQuoted,
  checkReportedAt,
  checkTopic,
  optionalText,
  requireText,
} from './validate.js';

type ClaimCommand = Exclude<
  Command,
  { type: 'OpenIncident' | 'ReviseIncidentDetails' | 'ChangeStatus' }
>;

export function decideClaimCommand(
  command: ClaimCommand,
  state: IncidentState,
  now: Date,
): IncidentEvent {
  switch (command.type) {
    case 'ReportStatement':
      return reportStatement(command, state, now);
    case 'ReportCasualtyFigures':
      return reportFigures(command, state, now);
    case 'ReviseClaim':
      return reviseClaim(command, state, now);
    case 'CorrectClaim':
      return correctClaim(command, state);
    case 'DisputeClaim':
      return disputeClaim(command, state);
    case 'RetractClaim':
      return retractClaim(command, state, now);
  }
}

function requireNewClaimId(state: IncidentState, claimId: string): string {
  const id = requireText(claimId, 'claimId');
  if (findClaim(state, id)) {
    throw new DomainError('claim_exists', `claim ${id} already exists in this incident`, 'claimId');
  }
  return id;
}

/** The referenced claim: it exists in this incident and is not retracted. */
function liveClaim(state: IncidentState, claimId: string, field = 'claimId'): ClaimState {
  const claim = findClaim(state, claimId);
  if (!claim) {
    throw new DomainError('claim_not_found', `no claim ${claimId} in this incident`, field);
  }
  if (claim.state === 'retracted') {
    throw new DomainError('claim_retracted', `claim ${claimId} was retracted`, field);
  }
  return claim;
}

/** Text only for statements, figures only for casualty claims. */
function checkKind(claim: ClaimState, text: string | undefined, figures: Figure[] | undefined) {
  if (claim.kind === 'statement' && figures !== undefined) {
    throw new DomainError('claim_kind_mismatch', 'a statement has no figures', 'figures');
  }
  if (claim.kind === 'casualties' && text !== undefined) {
    throw new DomainError('claim_kind_mismatch', 'a casualties claim has no text', 'text');
  }
}

function reportStatement(command: ReportStatement, state: IncidentState, now: Date): IncidentEvent {
  const { topic, url } = command;
  return {
    type: 'StatementReported',
    data: {
      claimId: requireNewClaimId(state, command.claimId),
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
  state: IncidentState,
  now: Date,
): IncidentEvent {
  return {
    type: 'CasualtyFiguresReported',
    data: {
      claimId: requireNewClaimId(state, command.claimId),
      attribution: checkAttribution(command.attribution),
      reportedAt: checkReportedAt(command.reportedAt, now),
      figures: checkFigures(command.figures),
    },
  };
}

function reviseClaim(command: ReviseClaim, state: IncidentState, now: Date): IncidentEvent {
  const claim = liveClaim(state, command.claimId);
  checkKind(claim, command.text, command.figures);
  const text = optionalText(command.text, 'text');
  const figures = command.figures === undefined ? undefined : checkFigures(command.figures);
  const attribution = checkAttribution(command.attribution);
  const reportedAt = checkReportedAt(command.reportedAt, now);
  const note = optionalText(command.note, 'note');
  const changes =
    (text !== undefined && text !== claim.text) ||
    (figures !== undefined && !deepEqual(figures, claim.figures)) ||
    !deepEqual(attribution, claim.attribution);
  if (!changes) {
    throw new DomainError('nothing_to_change', 'the revision repeats the claim as it stands');
  }
  const data: ClaimRevisedBySource = {
    claimId: claim.claimId,
    ...(text !== undefined && { text }),
    ...(figures !== undefined && { figures }),
    attribution,
    reportedAt,
    ...(note !== undefined && { note }),
  };
  return { type: 'ClaimRevisedBySource', data };
}

/** Keeps only the corrected fields that differ from the record; none left is an error. */
function correctClaim(command: CorrectClaim, state: IncidentState): IncidentEvent {
  const claim = liveClaim(state, command.claimId);
  checkKind(claim, command.text, command.figures);
  const reason = requireText(command.reason, 'reason');
  const data: ClaimCorrected = { claimId: claim.claimId, reason };
  const text = optionalText(command.text, 'text');
  if (text !== undefined && text !== claim.text) data.text = text;
  if (command.figures !== undefined) {
    const figures = checkFigures(command.figures);
    if (!deepEqual(figures, claim.figures)) data.figures = figures;
  }
  if (command.attribution !== undefined) {
    const attribution = checkAttribution(command.attribution);
    if (!deepEqual(attribution, claim.attribution)) data.attribution = attribution;
  }
  if (data.text === undefined && data.figures === undefined && data.attribution === undefined) {
    throw new DomainError('nothing_to_change', 'the correction does not change the claim');
  }
  return { type: 'ClaimCorrected', data };
}

function disputeClaim(command: DisputeClaim, state: IncidentState): IncidentEvent {
  const claim = liveClaim(state, command.claimId);
  const by = liveClaim(state, command.disputedByClaimId, 'disputedByClaimId');
  if (by.claimId === claim.claimId) {
    throw new DomainError(
      'claim_self_dispute',
      'a claim cannot dispute itself',
      'disputedByClaimId',
    );
  }
  if (claim.disputedBy.includes(by.claimId)) {
    throw new DomainError(
      'dispute_exists',
      `claim ${claim.claimId} is already disputed by ${by.claimId}`,
      'disputedByClaimId',
    );
  }
  const note = optionalText(command.note, 'note');
  return {
    type: 'ClaimDisputed',
    data: {
      claimId: claim.claimId,
      disputedByClaimId: by.claimId,
      ...(note !== undefined && { note }),
    },
  };
}

function retractClaim(command: RetractClaim, state: IncidentState, now: Date): IncidentEvent {
  const claim = liveClaim(state, command.claimId);
  return {
    type: 'ClaimRetracted',
    data: {
      claimId: claim.claimId,
      attribution: checkAttribution(command.attribution),
      reportedAt: checkReportedAt(command.reportedAt, now),
      reason: requireText(command.reason, 'reason'),
    },
  };
}
