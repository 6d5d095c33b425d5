import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  IdempotencyMismatch,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
} from '../event-store.js';
import { validateAppend } from './append-arguments.js';
import {
  classifyAppendFailure,
  fromClientResult,
  originalSearch,
} from './kurrentdb-append-failure.js';
import { toEventData, toStreamState } from './kurrentdb-mapping.js';
import { LEADER, findStored, positionAt, readStreamEvents } from './kurrentdb-reads.js';
import type { ReplaceableClient } from './replaceable-client.js';

export interface AppendContext {
  clients: ReplaceableClient;
  /** Runs a read, mapping and reporting its failure. */
  guard<T>(step: () => Promise<T>): Promise<T>;
  /** Maps nothing; logs what an operator must know, returns the error to throw. */
  reported(error: unknown): unknown;
  /** The client failed and was replaced (called once per replacement). */
  replaced(reason: string): void;
}

/**
 * One append on KurrentDB: one round trip (the write, answered with its revision and position).
 * Idempotent retries ("every id already stored → the original result, nothing written; some →
 * IdempotencyMismatch"), checked before the expected revision as the port requires:
 * - with an exact expected state (a revision, or no stream) the server itself recognises a
 *   repeated batch at that place and answers it again; deterministic ids make retries carry the
 *   same ids;
 * - with `any` or `exists` the server's check is best effort, so the stream's latest events
 *   (RETRY_WINDOW of them) are searched for the ids first;
 * - a refused write (wrong expected version), or a batch the server failed as unknown or
 *   invalid (a partial retry), is looked up where its events would be (one bounded read) before
 *   the failure is reported, so a retry with a stale revision still gets its original result.
 * A failure of the client itself (a cluster whose discovery failed) replaces the client, which
 * would otherwise keep failing every append (see ReplaceableClient).
 */
export async function appendEvents(
  context: AppendContext,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  validateAppend(streamId, events);
  const { expectedRevision } = options;
  const streamState = toStreamState(expectedRevision);
  if (expectedRevision === 'any' || expectedRevision === 'exists') {
    const retried = await originalResult(context, streamId, events, expectedRevision);
    if (retried) return retried;
  }
  const client = context.clients.current();
  let result: Awaited<ReturnType<KurrentDBClient['appendToStream']>>;
  try {
    result = await client.appendToStream(streamId, events.map(toEventData), {
      ...LEADER,
      streamState,
    });
  } catch (error) {
    const failure = classifyAppendFailure(error, { streamId, expectedRevision });
    switch (failure.kind) {
      case 'conflict':
        return afterConflict(context, streamId, events, options, failure.actual);
      case 'look-up': {
        const original = await originalResult(context, streamId, events, expectedRevision);
        if (original) return original;
        throw context.reported(failure.otherwise);
      }
      case 'replace-client':
        if (context.clients.replace(client)) context.replaced(failure.error.message);
        throw failure.error;
      case 'fail':
        throw context.reported(failure.error);
    }
  }
  // with throwOnAppendFailure=false in the connection string a conflict comes back as a result
  if (!result.success) return afterConflict(context, streamId, events, options);
  const answered = fromClientResult(result);
  if (answered) return answered;
  // no position in the answer (an idempotent repeat): read it
  const revision = Number(result.nextExpectedRevision);
  const position = await context.guard(() =>
    positionAt(context.clients.current(), streamId, revision),
  );
  return { revision, position };
}

/** The original result when every event is already stored; IdempotencyMismatch when some are. */
async function originalResult(
  context: AppendContext,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult | undefined> {
  const ids = events.map((event) => event.eventId);
  const search = originalSearch(expected, events.length);
  const stored = await context.guard(() =>
    findStored(context.clients.current(), streamId, ids, search),
  );
  if (stored.size === 0) return undefined;
  if (stored.size < ids.length) throw new IdempotencyMismatch(streamId, [...stored.keys()]);
  const last = [...stored.values()].reduce((a, b) => (b.revision > a.revision ? b : a));
  return { revision: last.revision, position: last.position };
}

/** A refused append: a concurrent retry may have stored the same events since the check. */
async function afterConflict(
  context: AppendContext,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
  actual?: number,
): Promise<AppendResult> {
  const original = await originalResult(context, streamId, events, options.expectedRevision);
  if (original) return original;
  const [last] =
    actual === undefined
      ? await context.guard(() =>
          readStreamEvents(context.clients.current(), streamId, {
            direction: 'backwards',
            limit: 1,
          }),
        )
      : [];
  throw new WrongExpectedRevision(
    streamId,
    options.expectedRevision,
    actual ?? last?.revision ?? -1,
  );
}
