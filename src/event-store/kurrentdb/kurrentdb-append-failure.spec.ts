import { describe, expect, test } from '@jest/globals';
import {
  InvalidTransactionError,
  NO_STREAM,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { InvalidStoreArgument, StoreUnavailable } from '../event-store.js';
import {
  RETRY_WINDOW,
  classifyAppendFailure,
  fromClientResult,
  originalSearch,
} from './kurrentdb-append-failure.js';

const context = { streamId: 'incident-a', expectedRevision: 4 } as const;

describe('where an earlier attempt of an append would be: one bounded read', () => {
  test('right after an exact expected revision, as many events as the append has', () => {
    expect(originalSearch(4, 3)).toEqual({ from: 5, limit: 3 });
    expect(originalSearch('no_stream', 2)).toEqual({ from: 0, limit: 2 });
  });

  test('among the latest events when the expected state names no place', () => {
    for (const expected of ['any', 'exists'] as const) {
      expect(originalSearch(expected, 2)).toEqual({
        direction: 'backwards',
        limit: RETRY_WINDOW + 2,
      });
    }
  });
});

describe("the client's append result", () => {
  test('carries the revision and the commit position: no read after the write', () => {
    const result = {
      success: true,
      nextExpectedRevision: 7n,
      position: { commit: 9007199254740993n, prepare: 9007199254740993n },
    };
    expect(fromClientResult(result)).toEqual({ revision: 7, position: '9007199254740993' });
  });

  test('without a position (an idempotent repeat) it asks for a read', () => {
    expect(fromClientResult({ success: true, nextExpectedRevision: 7n })).toBeUndefined();
    const none = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
    expect(
      fromClientResult({ success: true, nextExpectedRevision: 7n, position: none }),
    ).toBeUndefined();
  });
});

describe('a failed append, by what the client threw', () => {
  test('a wrong expected version is a conflict with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'incident-a',
      expected: 4n,
      current: 6n,
    });
    expect(classifyAppendFailure(error, context)).toEqual({ kind: 'conflict', actual: 6 });
    const absent = new WrongExpectedVersionError(undefined, {
      streamName: 'incident-a',
      expected: 4n,
      current: NO_STREAM,
    });
    expect(classifyAppendFailure(absent, context)).toEqual({ kind: 'conflict', actual: -1 });
  });

  test('an unknown batch failure is looked up first; not-ready, busy, no leader are then 503', () => {
    for (const message of ['Server Is Not Ready', 'Server Is Busy', 'No leader info available']) {
      // what unpackToCommandError builds from a batch response the client does not recognise
      const failure = classifyAppendFailure(
        new UnknownError(undefined, `Could not recognize ${message}`),
        context,
      );
      expect(failure.kind).toBe('look-up');
      if (failure.kind !== 'look-up') return;
      expect(failure.otherwise).toBeInstanceOf(StoreUnavailable);
    }
    const other = new UnknownError(undefined, 'Could not recognize something else');
    expect(classifyAppendFailure(other, context)).toEqual({ kind: 'look-up', otherwise: other });
  });

  test('an invalid transaction (some ids stored) is looked up first, then an invalid argument', () => {
    const failure = classifyAppendFailure(new InvalidTransactionError(), context);
    expect(failure.kind).toBe('look-up');
    if (failure.kind !== 'look-up') return;
    expect(failure.otherwise).toBeInstanceOf(InvalidStoreArgument);
  });

  test("the client's own failure (discovery of a cluster) is a 503 that replaces the client", () => {
    const failure = classifyAppendFailure(
      new Error('Failed to discover after 10 attempts.'),
      context,
    );
    expect(failure.kind).toBe('replace-client');
    if (failure.kind !== 'replace-client') return;
    expect(failure.error).toBeInstanceOf(StoreUnavailable);
    expect(failure.error.message).toMatch(/Failed to discover after 10 attempts/);
  });

  test('an outage the client names is a 503 without replacing; a bug stays a bug', () => {
    const unavailable = classifyAppendFailure(new UnavailableError(), context);
    expect(unavailable.kind).toBe('fail');
    if (unavailable.kind === 'fail') expect(unavailable.error).toBeInstanceOf(StoreUnavailable);
    const bug = new TypeError('x is undefined');
    expect(classifyAppendFailure(bug, context)).toEqual({ kind: 'fail', error: bug });
    expect(classifyAppendFailure('odd', context)).toEqual({ kind: 'fail', error: 'odd' });
  });
});
