/**
 * Why the application layer refused a write before or around `decide`: not a domain rule, but
 * how writes meet (keys, revisions, races). Each transport maps `code` in the same exhaustive
 * switch as the domain's codes; the intended HTTP status is noted beside each.
 */
export const APPLICATION_ERROR_CODES = [
  /** 422: the Idempotency-Key was used with another request (or for another incident). */
  'idempotency_key_reused',
  /** 412: If-Match names another revision than the incident's current one. */
  'revision_mismatch',
  /** 409: the incident kept changing under the write; retrying it may succeed. */
  'write_contention',
] as const;

export type ApplicationErrorCode = (typeof APPLICATION_ERROR_CODES)[number];

/** A write refused by the application layer; nothing is appended. */
export class ApplicationError extends Error {
  override readonly name = 'ApplicationError';
  constructor(
    readonly code: ApplicationErrorCode,
    /** A sentence for the problem+json `detail`; safe to show to the user. */
    readonly detail: string,
    /** For `revision_mismatch`: the incident's current revision, for the caller to retry on. */
    readonly currentRevision?: number,
  ) {
    super(detail);
  }
}

export const idempotencyKeyReused = (): ApplicationError =>
  new ApplicationError(
    'idempotency_key_reused',
    'this Idempotency-Key was used with another request',
  );

export const revisionMismatch = (currentRevision: number): ApplicationError =>
  new ApplicationError(
    'revision_mismatch',
    `the incident is at revision ${currentRevision}`,
    currentRevision,
  );

export const writeContention = (): ApplicationError =>
  new ApplicationError('write_contention', 'the incident is changing too fast; retry the write');
