import {
  InvalidTransactionError,
  UnknownError,
  WrongExpectedVersionError,
  convertToCommandError,
  isCommandError,
  type AppendResult as ClientAppendResult,
} from '@kurrent/kurrentdb-client';
import {
  StoreUnavailable,
  type AppendResult,
  type ExpectedRevision,
  type ReadStreamOptions,
} from '../event-store.js';
import { toPortError, type ErrorContext } from './kurrentdb-errors.js';
import { toActualRevision } from './kurrentdb-mapping.js';

/** How many of a stream's latest events are searched for a retry whose place is not known. */
export const RETRY_WINDOW = 64;

/**
 * Where the events of an earlier attempt of this append would be, as one bounded stream read:
 * right after the expected revision when it is exact (the server put them there or nowhere),
 * otherwise among the stream's latest events.
 */
export function originalSearch(expected: ExpectedRevision, count: number): ReadStreamOptions {
  if (typeof expected === 'number') return { from: expected + 1, limit: count };
  if (expected === 'no_stream') return { from: 0, limit: count };
  return { direction: 'backwards', limit: RETRY_WINDOW + count };
}

/** No position: the proto's `no_position` (an idempotent repeat) or the server's -1 as uint64. */
const NO_POSITION = 2n ** 64n - 1n;

/**
 * The port's result from the client's: the revision and commit position the append carries, or
 * undefined when the server gave no position (then the caller reads it).
 */
export function fromClientResult(result: ClientAppendResult): AppendResult | undefined {
  const commit = result.position?.commit;
  if (commit === undefined || commit < 0n || commit >= NO_POSITION) return undefined;
  return { revision: Number(result.nextExpectedRevision), position: commit.toString(10) };
}

/** What storyline does about a failed append. */
export type AppendFailure =
  /** The expected revision did not match: a concurrent retry may have stored the events. */
  | { kind: 'conflict'; actual: number }
  /**
   * The server failed the batch in a way that may have stored some or all of it (a partial retry
   * arrives as InvalidTransaction or Unknown): look for the original result first, then fail.
   */
  | { kind: 'look-up'; otherwise: unknown }
  /** Not the server's answer but the client's own failure (discovery): replace the client. */
  | { kind: 'replace-client'; error: StoreUnavailable }
  | { kind: 'fail'; error: unknown };

/** Errors of storyline's or the client's code, never of an outage. */
function isProgrammingError(error: Error): boolean {
  return (
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof ReferenceError ||
    error instanceof SyntaxError
  );
}

export function classifyAppendFailure(error: unknown, context: ErrorContext): AppendFailure {
  if (!(error instanceof Error)) return { kind: 'fail', error };
  const converted = convertToCommandError(error);
  if (converted instanceof WrongExpectedVersionError) {
    return { kind: 'conflict', actual: toActualRevision(converted.actualState) };
  }
  if (converted instanceof UnknownError || converted instanceof InvalidTransactionError) {
    return { kind: 'look-up', otherwise: toPortError(converted, context) };
  }
  if (!isCommandError(converted) && !isProgrammingError(converted)) {
    const message = `KurrentDB append failed in the client (${converted.message}); reconnecting`;
    return { kind: 'replace-client', error: new StoreUnavailable(message, { cause: converted }) };
  }
  return { kind: 'fail', error: toPortError(converted, context) };
}
