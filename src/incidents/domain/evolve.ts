/**
 * evolve: the one step of the incident fold, used for the current view, `asOf`, `reportedBy`,
 * `revision`, claim history and the dashboard replay. Pure: never mutates its input. Folds of
 * many events use `IncidentFold` (incident-fold.ts), which applies these same rules in place.
 */
import type { IncidentEvent, StatementReported } from './events.js';
import { groupKey } from './casualties.js';
import { settledClaim, settleDependents, withFlag } from './flags.js';
import type { ClaimState, IncidentState, RecordedIncidentEvent } from './state.js';
import type { ClaimFlag, Corroboration, Dispute, Support } from './view-types.js';

/** The stream is not a valid incident stream (a bug or a corrupt log, never a user error). */
export class InvalidIncidentStream extends Error {
  override readonly name = 'InvalidIncidentStream';
}

export function evolve(state: IncidentState | null, event: RecordedIncidentEvent): IncidentState {
  if (event.type === 'IncidentOpened') {
    if (state) throw new InvalidIncidentStream(`incident ${state.incidentId} opened twice`);
    return { ...openedDetails(event), claims: [] };
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

/** The incident fields, without claims, of a stream that opens with this event. */
export type IncidentDetails = Omit<IncidentState, 'claims'>;

export function openedDetails(
  event: RecordedIncidentEvent & { type: 'IncidentOpened' },
): IncidentDetails {
  const { data } = event;
  return {
    incidentId: data.incidentId,
    title: data.title,
    summary: data.summary ?? null,
    location: data.location ?? null,
    occurredAt: data.occurredAt ?? null,
    tags: data.tags ?? [],
    status: 'developing',
    assessments: [],
    openedAt: event.recordedAt,
    updatedAt: event.recordedAt,
    revision: event.revision,
    position: event.position,
  };
}

/** The incident fields after an event that is not about a claim (the same object otherwise). */
export function changedDetails<T extends IncidentDetails>(
  details: T,
  event: RecordedIncidentEvent,
): T {
  switch (event.type) {
    case 'IncidentDetailsRevised': {
      const { reason: _reason, ...changes } = event.data;
      return {
        ...details,
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.summary !== undefined && { summary: changes.summary }),
        ...(changes.location !== undefined && { location: changes.location }),
        ...(changes.occurredAt !== undefined && { occurredAt: changes.occurredAt }),
        ...(changes.tags !== undefined && { tags: changes.tags }),
      };
    }
    case 'IncidentStatusChanged':
      return { ...details, status: event.data.status };
    case 'CasualtyEstimateAssessed': {
      const { reportedAt, ...data } = event.data;
      const assessment = {
        ...data,
        reportedAt: reportedAt ?? event.recordedAt,
        recordedAt: event.recordedAt,
        recordedBy: event.recordedBy,
      };
      const key = groupKey(data);
      const others = (details.assessments ?? []).filter((a) => groupKey(a) !== key);
      return { ...details, assessments: [...others, assessment] };
    }
    default:
      return details;
  }
}

function applyTo(state: IncidentState, event: RecordedIncidentEvent): IncidentState {
  switch (event.type) {
    case 'IncidentOpened':
    case 'IncidentDetailsRevised':
    case 'IncidentStatusChanged':
    case 'CasualtyEstimateAssessed':
      return changedDetails(state, event);
    case 'StatementReported':
    case 'CasualtyFiguresReported':
      return { ...state, claims: [...state.claims, newClaim(event)] };
    default:
      return updateClaim(state, event);
  }
}

/**
 * The claim a StatementReported or CasualtyFiguresReported creates, its keys in the order of the
 * API's claim: claimId first (later changes keep the order; keys set later, and the derived
 * `source` of claimView, come last).
 */
/**
 * What a new claim starts with, shared by every claim (a fold holds tens of thousands): frozen,
 * as claims are never changed in place (a change makes a new claim with new arrays).
 */
const EMPTY: readonly never[] = Object.freeze([]);
const none = <T>(): T[] => EMPTY as unknown as T[];
const SINGLE_SOURCE: Corroboration = Object.freeze({
  independentSources: 1,
  grade: 'single-source',
});

export function newClaim(event: RecordedIncidentEvent): ClaimState {
  const sourceAndRecord = ({
    attribution,
    reportedAt,
  }: Pick<StatementReported, 'attribution' | 'reportedAt'>) => ({
    attribution,
    reportedAt,
    firstReportedAt: reportedAt,
    recordedAt: event.recordedAt,
    updatedAt: event.recordedAt,
    versions: 1,
    disputedBy: none<string>(),
    disputes: none<Dispute>(),
    supportedBy: none<string>(),
    supports: none<Support>(),
    corroboration: SINGLE_SOURCE,
  });
  if (event.type === 'StatementReported') {
    const { claimId, text, quoted, topic, url } = event.data;
    return {
      claimId,
      kind: 'statement',
      state: 'active',
      flags: none<ClaimFlag>(),
      text,
      quoted,
      ...(topic !== undefined && { topic }),
      ...(url !== undefined && { url }),
      ...sourceAndRecord(event.data),
    };
  }
  if (event.type === 'CasualtyFiguresReported') {
    const { claimId, figures } = event.data;
    return {
      claimId,
      kind: 'casualties',
      state: 'active',
      flags: none<ClaimFlag>(),
      figures,
      ...sourceAndRecord(event.data),
    };
  }
  throw new InvalidIncidentStream(`${event.type} does not report a claim`);
}

export type ClaimEvent = Extract<
  IncidentEvent,
  {
    type:
      | 'ClaimRevisedBySource'
      | 'ClaimCorrected'
      | 'ClaimDisputed'
      | 'ClaimSupported'
      | 'ClaimRetracted';
  }
>;

function updateClaim(state: IncidentState, event: RecordedIncidentEvent & ClaimEvent) {
  const index = state.claims.findIndex((claim) => claim.claimId === event.data.claimId);
  const claim = state.claims[index];
  if (!claim) {
    throw new InvalidIncidentStream(`${event.type} about unknown claim ${event.data.claimId}`);
  }
  const claims = [...state.claims];
  const find = (claimId: string) => claims.find((other) => other.claimId === claimId);
  claims[index] = settledClaim(changeClaim(claim, event), find);
  for (const [at, settled] of settleDependents(claims, claim.claimId, find)) claims[at] = settled;
  return { ...state, claims };
}

/** The claim after an event about it (a new object; the old one is left as it was). */
export function changeClaim(
  claim: ClaimState,
  event: RecordedIncidentEvent & ClaimEvent,
): ClaimState {
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
    case 'ClaimSupported': {
      const { supportedByClaimId, note, reportedAt } = event.data;
      return {
        ...touched,
        supportedBy: [...claim.supportedBy, supportedByClaimId],
        supports: [
          ...claim.supports,
          {
            byClaimId: supportedByClaimId,
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

/**
 * The flag each claim event sets on its claim; a dispute's or support's flag depends on whether
 * the other claim is live (settledClaim), and any change to a claim also settles the claims it
 * disputes or supports (their flags and corroboration follow it).
 */
const FLAG_AFTER: Record<ClaimEvent['type'], ClaimFlag | null> = {
  ClaimRevisedBySource: 'revised',
  ClaimCorrected: 'corrected',
  ClaimDisputed: null,
  ClaimSupported: null,
  ClaimRetracted: 'retracted',
};
