/** The part of `decide` for an analyst's judgements: supports between claims, the desk's assessments. */
import { groupKey } from './casualties.js';
import type { AssessCasualties, SupportClaim } from './commands.js';
import { linkedClaims } from './claim-link.js';
import { DomainError } from './errors.js';
import { MEASURES, type IncidentEvent } from './events.js';
import type { ClaimReader } from './incident-fold.js';
import { liveClaim } from './live-claim.js';
import type { IncidentState } from './state.js';
import { optionalText, requireText, worldTime } from './validate.js';

/** The mirror of a dispute: both claims live and in this incident, not itself, not twice. */
export function supportClaim(command: SupportClaim, claims: ClaimReader, now: Date): IncidentEvent {
  const [claim, by] = linkedClaims('support', claims, command.claimId, command.supportedByClaimId);
  const note = optionalText(command.note, 'note');
  return {
    type: 'ClaimSupported',
    data: {
      claimId: claim.claimId,
      supportedByClaimId: by.claimId,
      ...(note !== undefined && { note }),
      ...worldTime(command, now),
    },
  };
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/**
 * low ≤ best ≤ high, whole numbers ≥ 0 (high null: no upper bound); a basis of distinct live
 * claims of this incident (unknown: claim_not_found, retracted: claim_retracted); a measure and
 * group some live casualty figure of the incident reports.
 */
export function assessCasualties(
  command: AssessCasualties,
  state: IncidentState,
  claims: ClaimReader,
  now: Date,
): IncidentEvent {
  const { measure, low, best, high } = command;
  if (!MEASURES.some((known) => known === measure)) {
    throw new DomainError(
      'invalid_value',
      `measure must be one of ${MEASURES.join(', ')}`,
      'measure',
    );
  }
  const group = requireText(command.group, 'group');
  const fail = (detail: string, field: string) => {
    throw new DomainError('invalid_value', detail, field);
  };
  if (!isCount(low)) fail('low must be a whole number ≥ 0', 'low');
  if (!isCount(best)) fail('best must be a whole number ≥ 0', 'best');
  if (high !== null && !isCount(high)) fail('high must be a whole number ≥ 0 or null', 'high');
  if (best < low) fail('best must not be below low', 'best');
  if (high !== null && high < best) fail('high must not be below best', 'high');
  if (!Array.isArray(command.basis) || command.basis.length === 0) {
    fail('basis must name at least one claim', 'basis');
  }
  const basis = [...new Set(command.basis)];
  basis.forEach((claimId, i) => liveClaim(claims, claimId, `basis[${i}]`));
  const key = groupKey({ measure, group });
  const reported = state.claims.some(
    (claim) =>
      claim.kind === 'casualties' &&
      claim.state !== 'retracted' &&
      (claim.figures ?? []).some((figure) => groupKey(figure) === key),
  );
  if (!reported) {
    throw new DomainError(
      'no_casualty_figures',
      `no live casualty figure of this incident reports ${measure} / ${group}`,
      'group',
    );
  }
  return {
    type: 'CasualtyEstimateAssessed',
    data: {
      measure,
      group,
      low,
      best,
      high,
      basis,
      reason: requireText(command.reason, 'reason'),
      ...worldTime(command, now),
    },
  };
}
