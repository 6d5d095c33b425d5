import { problem, type Problem } from '../../common/problem/problem.js';
import { ApplicationError, type ApplicationErrorCode } from '../application/application-errors.js';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';

/** Why a write was refused: a domain rule or the application layer around it. */
export type RefusalCode = DomainErrorCode | ApplicationErrorCode;

/** Every refusal code has exactly one HTTP status; the compiler insists each is listed. */
export function statusOfCode(code: RefusalCode): number {
  switch (code) {
    case 'incident_not_found':
    case 'claim_not_found':
      return 404;
    case 'incident_exists':
    case 'claim_exists':
    case 'claim_retracted':
    case 'claim_self_dispute':
    case 'dispute_exists':
    case 'support_exists':
    case 'no_casualty_figures':
    case 'claim_kind_mismatch':
    case 'reported_before_claim':
    case 'status_unchanged':
    case 'nothing_to_change':
    case 'write_contention':
      return 409;
    case 'invalid_figures':
    case 'invalid_attribution':
    case 'invalid_time':
    case 'invalid_value':
    case 'reported_in_future':
    case 'claim_self_support':
      return 400;
    case 'revision_mismatch':
      return 412;
    case 'idempotency_key_reused':
      return 422;
    default: {
      const unhandled: never = code;
      throw new Error(`unmapped refusal code ${String(unhandled)}`);
    }
  }
}

/** The problem+json answer to a refused write (its `type` ends in the code, dashed). */
export function domainProblem(error: unknown): Problem | undefined {
  if (error instanceof ApplicationError) {
    return problem(statusOfCode(error.code), error.code.replaceAll('_', '-'), error.detail, {
      ...(error.currentRevision !== undefined && { currentRevision: error.currentRevision }),
    });
  }
  if (!(error instanceof DomainError)) return undefined;
  return problem(statusOfCode(error.code), error.code.replaceAll('_', '-'), error.detail, {
    ...(error.field && { errors: [{ field: error.field, message: error.detail }] }),
  });
}
