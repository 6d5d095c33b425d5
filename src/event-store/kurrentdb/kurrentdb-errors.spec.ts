import { describe, expect, test } from '@jest/globals';
import {
  AccessDeniedError,
  DeadlineExceededError,
  InvalidArgumentError,
  NO_STREAM,
  NotLeaderError,
  StreamDeletedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { InvalidStoreArgument, StoreUnavailable, WrongExpectedRevision } from '../event-store.js';
import { StoreAccessDenied, toPortError } from './kurrentdb-errors.js';

/** The shape of a raw gRPC failure as the client sometimes lets it through (seen: append). */
function rawGrpcError(code: number, message: string): Error {
  return Object.assign(new Error(message), { code, details: message });
}

describe('client errors → port errors', () => {
  test('a wrong expected version is a WrongExpectedRevision carrying the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'incident-a',
      expected: 1n,
      current: 3n,
    });
    const mapped = toPortError(error, { streamId: 'incident-a', expectedRevision: 1 });
    expect(mapped).toBeInstanceOf(WrongExpectedRevision);
    expect(mapped).toMatchObject({
      streamId: 'incident-a',
      expectedRevision: 1,
      actualRevision: 3,
    });
  });

  test('an absent stream is actual revision -1', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'incident-b',
      expected: 'stream_exists',
      current: NO_STREAM,
    });
    expect(toPortError(error, { expectedRevision: 'exists' })).toMatchObject({
      streamId: 'incident-b',
      expectedRevision: 'exists',
      actualRevision: -1,
    });
  });

  test('unavailable, deadline exceeded and not leader are StoreUnavailable (503, retry)', () => {
    const notLeader = new NotLeaderError({
      ...rawGrpcError(5, 'not leader'),
      metadata: { 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' },
    } as unknown as ConstructorParameters<typeof NotLeaderError>[0]);
    for (const error of [new UnavailableError(), new DeadlineExceededError(), notLeader]) {
      const mapped = toPortError(error);
      expect(mapped).toBeInstanceOf(StoreUnavailable);
      expect((mapped as StoreUnavailable).cause).toBe(error);
    }
  });

  test('a raw gRPC UNAVAILABLE or DEADLINE_EXCEEDED is converted, then mapped', () => {
    expect(
      toPortError(rawGrpcError(14, '14 UNAVAILABLE: No connection established')),
    ).toBeInstanceOf(StoreUnavailable);
    expect(toPortError(rawGrpcError(4, '4 DEADLINE_EXCEEDED'))).toBeInstanceOf(StoreUnavailable);
  });

  test('a cluster electing a leader or starting up is StoreUnavailable, not a 500', () => {
    for (const message of [
      'Server Is Not Ready',
      'Server Is Too Busy',
      'No leader info available',
    ]) {
      const error = new UnknownError(undefined, `Could not recognize ${message}`);
      const mapped = toPortError(error);
      expect(mapped).toBeInstanceOf(StoreUnavailable);
      expect((mapped as StoreUnavailable).cause).toBe(error);
    }
    const other = new UnknownError(undefined, 'Could not recognize disk full');
    expect(toPortError(other)).toBe(other);
  });

  test("a failed discovery (the client's plain Error) is StoreUnavailable", () => {
    const error = new Error('Failed to discover after 10 attempts.');
    expect(toPortError(error)).toBeInstanceOf(StoreUnavailable);
    expect(toPortError(new Error('Failed to parse'))).not.toBeInstanceOf(StoreUnavailable);
  });

  test('access denied is a configuration error that says what to put in STORYLINE_STORE', () => {
    const mapped = toPortError(new AccessDeniedError());
    expect(mapped).toBeInstanceOf(StoreAccessDenied);
    expect(mapped).toBeInstanceOf(StoreUnavailable);
    expect((mapped as Error).message).toMatch(/credentials.*STORYLINE_STORE/);
    expect(toPortError(rawGrpcError(16, '16 UNAUTHENTICATED'))).toBeInstanceOf(StoreAccessDenied);
  });

  test("the client's invalid argument is the port's InvalidStoreArgument", () => {
    expect(toPortError(new InvalidArgumentError('fromRevision'))).toBeInstanceOf(
      InvalidStoreArgument,
    );
  });

  test('anything else passes through unchanged', () => {
    const deleted = StreamDeletedError.fromStreamName('incident-gone');
    expect(toPortError(deleted)).toBe(deleted);
    const plain = new TypeError('bug');
    expect(toPortError(plain)).toBe(plain);
    expect(toPortError('not an error')).toBe('not an error');
  });
});
