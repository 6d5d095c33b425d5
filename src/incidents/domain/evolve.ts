/**
 * evolve: the one fold of incident events, used for the current view, `asOf`, `reportedBy`,
 * `revision`, claim history and the dashboard replay. Pure: never mutates its input.
 */
import type { IncidentEvent } from './events.js';
import { isDisputed, settleDisputes, withFlag } from './flags.js';
import type { ClaimState, IncidentState, RecordedIncidentEvent } from './state.js';
import type { ClaimFlag } from './view-types.js';

/** The stream is not a valid incident stream (a bug or a corrupt log, never a user error). */
export class InvalidIncidentStream extends Error {
  override readonly name = 'InvalidIncidentStream';
}

export function evolve(state: IncidentState | null, event: RecordedIncidentEvent): IncidentState {
  if (event.type === 'IncidentOpened') {
    if (state) throw new InvalidIncidentStream(`incident ${state.incidentId} opened twice`);
    const { data } = event;
    return {
      incidentId: data.incidentId,
      title: data.title,
      summary: data.summary ?? null,
      location: data.location ?? null,
      occurredAt: data.occurredAt ?? null,
      tags: data.tags ?? [],
      status: 'developing',
      openedAt: event.recordedAt,
      updatedAt: event.recordedAt,
      revision: event.revision,
      position: event.position,
      claims: [],
    };
  }
  if (!state) throw new InvalidIncidentStream(`${event.type} before IncidentOpened`);
  const next: IncidentState = {
    ...state,
    updatedAt: event.recordedAt,
    revision: event.revision,
    position: event.position,
  };
  return applyTo(next, event);
}

function applyTo(state: IncidentState, event: RecordedIncidentEvent): IncidentState {
  switch (event.type) {
    case 'IncidentOpened':
      return state;
    case 'IncidentDetailsRevised': {
      const { reason: _reason, ...changes } = event.data;
      return {
        ...state,
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.summary !== undefined && { summary: changes.summary }),
        ...(changes.location !== undefined && { location: changes.location }),
        ...(changes.occurredAt !== undefined && { occurredAt: changes.occurredAt }),
        ...(changes.tags !== undefined && { tags: changes.tags }),
      };
    }
    case 'IncidentStatusChanged':
      return { ...state, status: event.data.status };
    case 'StatementReported':
    case 'CasualtyFiguresReported':
      return { ...state, claims: [...state.claims, newClaim(event)] };
    default:
      return updateClaim(state, event);
  }
}

function newClaim(event: RecordedIncidentEvent): ClaimState {
  const base = {
    state: 'active' as const,
    flags: [],
    recordedAt: event.recordedAt,
    updatedAt: event.recordedAt,
    versions: 1,
    disputedBy: [],
    disputes: [],
  };
  if (event.type === 'StatementReported') {
    const { claimId, text, quoted, topic, attribution, reportedAt, url } = event.data;
    return {
      ...base,
      claimId,
      kind: 'statement',
      text,
      quoted,
      ...(topic !== undefined && { topic }),
      ...(url !== undefined && { url }),
      attribution,
      reportedAt,
      firstReportedAt: reportedAt,
    };
  }
  if (event.type === 'CasualtyFiguresReported') {
    const { claimId, figures, attribution, reportedAt } = event.data;
    return {
      ...base,
      claimId,
      kind: 'casualties',
      figures,
      attribution,
      reportedAt,
      firstReportedAt: reportedAt,
    };
  }
  throw new InvalidIncidentStream(`${event.type} does not report a claim`);
}

type ClaimEvent = Extract<
  IncidentEvent,
  { type: 'ClaimRevisedBySource' | 'ClaimCorrected' | 'ClaimDisputed' | 'ClaimRetracted' }
>;

function updateClaim(state: IncidentState, event: RecordedIncidentEvent & ClaimEvent) {
  const index = state.claims.findIndex((claim) => claim.claimId === event.data.claimId);
  const claim = state.claims[index];
  if (!claim) {
    throw new InvalidIncidentStream(`${event.type} about unknown claim ${event.data.claimId}`);
  }
  const claims = [...state.claims];
  claims[index] = changeClaim(claim, event);
  if (event.type === 'ClaimDisputed') {
    claims[index] = withFlag(claims[index], 'disputed', isDisputed(claims[index], claims));
  }
  return {
    ...state,
    claims: event.type === 'ClaimRetracted' ? settleDisputes(claims, claim.claimId) : claims,
  };
}

function changeClaim(claim: ClaimState, event: RecordedIncidentEvent & ClaimEvent): ClaimState {
  const flag = FLAG_AFTER[event.type];
  const touched = {
    ...(flag ? withFlag(claim, flag) : claim),
    versions: claim.versions + 1,
    updatedAt: event.recordedAt,
  };
  switch (event.type) {
    case 'ClaimRevisedBySource': {
      const { text, figures, attribution, reportedAt, note, quoted } = event.data;
      const revised: ClaimState = {
        ...touched,
        ...(text !== undefined && { text }),
        ...(quoted !== undefined && { quoted }),
        ...(figures !== undefined && { figures }),
        attribution,
        reportedAt,
      };
      if (note === undefined) delete revised.revisionNote;
      else revised.revisionNote = note;
      return revised;
    }
    case 'ClaimCorrected': {
      const { text, figures, attribution, reason, quoted } = event.data;
      return {
        ...touched,
        ...(text !== undefined && { text }),
        ...(quoted !== undefined && { quoted }),
        ...(figures !== undefined && { figures }),
        ...(attribution !== undefined && { attribution }),
        correction: { by: event.recordedBy, reason, recordedAt: event.recordedAt },
      };
    }
    case 'ClaimDisputed': {
      const { disputedByClaimId, note, reportedAt } = event.data;
      return {
        ...touched,
        disputedBy: [...claim.disputedBy, disputedByClaimId],
        disputes: [
          ...claim.disputes,
          {
            byClaimId: disputedByClaimId,
            ...(note !== undefined && { note }),
            ...(reportedAt !== undefined && { reportedAt }),
            recordedAt: event.recordedAt,
          },
        ],
      };
    }
    case 'ClaimRetracted': {
      const { reason, attribution, reportedAt } = event.data;
      return {
        ...touched,
        retraction: { reason, attribution, reportedAt, recordedAt: event.recordedAt },
      };
    }
  }
}

/** The flag each claim event sets (a dispute's flag depends on its disputer: set by updateClaim). */
const FLAG_AFTER: Record<ClaimEvent['type'], ClaimFlag | null> = {
  ClaimRevisedBySource: 'revised',
  ClaimCorrected: 'corrected',
  ClaimDisputed: null,
  ClaimRetracted: 'retracted',
};
