import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  InvalidTransactionError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  convertToCommandError,
} from '@kurrent/kurrentdb-client';
import {
  InvalidStoreArgument,
  StoreUnavailable,
  WrongExpectedRevision,
  type ExpectedRevision,
} from '../event-store.js';
import { toActualRevision } from './kurrentdb-mapping.js';

/**
 * The server refused storyline's credentials: a configuration problem, not an outage. It is a
 * StoreUnavailable so requests answer 503, and its message says what to fix.
 */
export class StoreAccessDenied extends StoreUnavailable {
  /** Not an outage: retrying will not help until the configuration changes. */
  readonly configurationError = true;
}

export interface ErrorContext {
  streamId?: string;
  expectedRevision?: ExpectedRevision;
}

/**
 * Refusals a cluster gives while it elects a leader or starts up. Batch appends report them as an
 * UnknownError ("Could not recognize <the server's message>"), not as the gRPC status reads get.
 */
const NOT_READY = /server is not ready|server is (too )?busy|no leader info available/i;

/** The client's own error when no cluster member answered gossip (it is not a CommandError). */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;

/** Whether a client error says the server cannot take the request yet (503, retry). */
export function isNotReady(error: unknown): boolean {
  return error instanceof UnknownError && NOT_READY.test(error.message);
}

/**
 * Translates a client error into the port's errors. gRPC failures that reach us raw (the client
 * does not convert every one) are converted first. Anything unknown is returned as it is.
 */
export function toPortError(error: unknown, context: ErrorContext = {}): unknown {
  if (!(error instanceof Error)) return error;
  const converted = convertToCommandError(error);
  if (converted instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevision(
      context.streamId ?? converted.streamName,
      context.expectedRevision ?? 'any',
      toActualRevision(converted.actualState),
    );
  }
  if (converted instanceof AccessDeniedError) {
    return new StoreAccessDenied(
      'KurrentDB denied access: put the credentials of a user allowed to read $all and write ' +
        'storyline streams (e.g. kurrentdb://admin:<password>@host:2113) in STORYLINE_STORE',
      { cause: converted },
    );
  }
  if (isNotReady(converted)) {
    return new StoreUnavailable(`KurrentDB cannot take requests yet: ${converted.message}`, {
      cause: converted,
    });
  }
  if (DISCOVERY_FAILED.test(converted.message)) {
    return new StoreUnavailable(`no KurrentDB cluster member answered: ${converted.message}`, {
      cause: converted,
    });
  }
  if (
    converted instanceof UnavailableError ||
    converted instanceof DeadlineExceededError ||
    converted instanceof NotLeaderError ||
    converted instanceof TimeoutError ||
    converted instanceof CancelledError
  ) {
    return new StoreUnavailable(`KurrentDB is unreachable: ${converted.message}`, {
      cause: converted,
    });
  }
  if (converted instanceof InvalidTransactionError) {
    return new InvalidStoreArgument(
      `stream ${context.streamId ?? '?'}: some, not all, of the events are already in the stream`,
    );
  }
  if (converted instanceof InvalidArgumentError) {
    return new InvalidStoreArgument(converted.message);
  }
  return converted;
}
