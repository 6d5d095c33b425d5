/**
 * Why `decide` refused a command. Each transport maps `code` with an exhaustive switch;
 * the intended HTTP status is noted beside each code.
 */
export const DOMAIN_ERROR_CODES = [
  /** 404: the incident does not exist. */
  'incident_not_found',
  /** 409: an incident with this id already exists. */
  'incident_exists',
  /** 404: the claim (or the disputing claim) is not in this incident. */
  'claim_not_found',
  /** 409: a claim with this id already exists in this incident. */
  'claim_exists',
  /** 409: the claim (or the disputing claim) was retracted; it cannot change any more. */
  'claim_retracted',
  /** 409: a claim cannot dispute itself. */
  'claim_self_dispute',
  /** 400: a claim cannot support itself. */
  'claim_self_support',
  /** 409: this claim is already supported by that claim. */
  'support_exists',
  /** 409: an assessment of a measure and group no live casualty figure of the incident reports. */
  'no_casualty_figures',
  /** 409: this claim is already disputed by that claim. */
  'dispute_exists',
  /** 409: text given for a casualties claim, or figures for a statement. */
  'claim_kind_mismatch',
  /** 409: a revision or retraction reported before its claim was first reported. */
  'reported_before_claim',
  /** 409: the status change would not change the status. */
  'status_unchanged',
  /** 409: the revision or correction changes nothing. */
  'nothing_to_change',
  /** 400: figures are empty, not whole numbers ≥ 0, min > max, or repeat a measure and group. */
  'invalid_figures',
  /** 400: the attribution chain is empty or a link has no name or an unknown kind. */
  'invalid_attribution',
  /** 400: a time is not a valid ISO 8601 time. */
  'invalid_time',
  /** 400: another field is invalid (empty title, text, reason, unknown enum value). */
  'invalid_value',
  /** 400: `reportedAt` is later than now plus the allowed clock skew. */
  'reported_in_future',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A command refused by a domain rule; nothing is appended. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    /** A sentence for the problem+json `detail`; safe to show to the user. */
    readonly detail: string,
    /** The offending body field (dotted path, e.g. `figures[0].max`), when there is one. */
    readonly field?: string,
  ) {
    super(detail);
  }
}
