import { problem, type Problem } from '../../common/problem/problem.js';
import { IdempotencyKeyReused } from '../application/idempotency-keys.js';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';

/** Every domain code has exactly one HTTP status; the compiler insists each is listed. */
export function statusOfDomainCode(code: DomainErrorCode): number {
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
      return 409;
    case 'invalid_figures':
    case 'invalid_attribution':
    case 'invalid_time':
    case 'invalid_value':
    case 'reported_in_future':
    case 'claim_self_support':
      return 400;
    default: {
      const unhandled: never = code;
      throw new Error(`unmapped domain error code ${String(unhandled)}`);
    }
  }
}

/** The problem+json answer to a refused command. */
export function domainProblem(error: unknown): Problem | undefined {
  if (error instanceof IdempotencyKeyReused)
    return problem(422, 'idempotency-key-reused', error.message);
  if (!(error instanceof DomainError)) return undefined;
  const status = statusOfDomainCode(error.code);
  return problem(status, error.code.replaceAll('_', '-'), error.detail, {
    ...(error.field && { errors: [{ field: error.field, message: error.detail }] }),
  });
}
