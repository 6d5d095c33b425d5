/**
 * How far the read model has applied the log. Writes wait on it (bounded) before answering,
 * so a GET issued after a 201 sees that write.
 */
export abstract class ReadModelProgress {
  /** Resolves true once the read model has applied `position`, false after `timeoutMs`. */
  abstract waitFor(position: string, timeoutMs: number): Promise<boolean>;
}
