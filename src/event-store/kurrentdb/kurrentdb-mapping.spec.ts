import { describe, expect, test } from '@jest/globals';
import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { InvalidStoreArgument, type NewEvent } from '../event-store.js';
import {
  parsePosition,
  positionToString,
  readPositionAfter,
  toActualRevision,
  toEventData,
  toStoredEvent,
  toStreamState,
} from './kurrentdb-mapping.js';

const metadata = {
  recordedAt: '2017-05-18T16:00:00.000Z',
  recordedBy: 'rita',
  correlationId: 'c-1',
  causationId: null,
  schemaVersion: 1,
};

function recorded(overrides: Record<string, unknown> = {}): AllStreamResolvedEvent {
  return {
    event: {
      streamId: 'incident-tanf',
      id: '4b1c9a7e-3f5d-4c1a-9a55-0a7c1f0e9b11',
      isJson: true,
      revision: 3n,
      type: 'StatementReported',
      created: new Date(0),
      data: { claimId: 'c1', text: 'strike near At Tanf' },
      metadata,
      position: { commit: 9007199254740993n, prepare: 9007199254740993n },
      ...overrides,
    },
  };
}

describe('expected revision → stream state', () => {
  test('each port state has its client counterpart; a revision becomes a bigint', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  test('a negative or fractional revision is refused before any round trip', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(() => toStreamState(bad)).toThrow(InvalidStoreArgument);
    }
  });

  test("the server's actual state becomes the port's revision, -1 for no stream", () => {
    expect(toActualRevision(NO_STREAM)).toBe(-1);
    expect(toActualRevision(0n)).toBe(0);
    expect(toActualRevision(17n)).toBe(17);
    expect(toActualRevision(-5n)).toBe(-1);
  });
});

describe('positions', () => {
  test('the commit position is carried as a decimal string, beyond 2^53 without loss', () => {
    expect(positionToString({ commit: 9007199254740993n, prepare: 1n })).toBe('9007199254740993');
    expect(parsePosition('9007199254740993')).toBe(9007199254740993n);
  });

  test("'0' reads from the start; any other position from the event at it", () => {
    expect(readPositionAfter('0')).toBe(START);
    expect(readPositionAfter('1234')).toEqual({ commit: 1234n, prepare: 1234n });
  });

  test('a position that is not a decimal string is refused', () => {
    for (const bad of ['', '-1', '12a', '1e3', ' 1']) {
      expect(() => parsePosition(bad)).toThrow(InvalidStoreArgument);
    }
  });
});

describe('events', () => {
  test('a new event keeps its id (retries stay idempotent) and is stored as JSON', () => {
    const event: NewEvent = { eventId: 'e-1', type: 'IncidentOpened', data: { a: [1] }, metadata };
    expect(toEventData(event)).toEqual({
      id: 'e-1',
      contentType: 'application/json',
      type: 'IncidentOpened',
      data: { a: [1] },
      metadata,
    });
  });

  test('a recorded event becomes a StoredEvent with revision as a number and position as a string', () => {
    expect(toStoredEvent(recorded())).toEqual({
      eventId: '4b1c9a7e-3f5d-4c1a-9a55-0a7c1f0e9b11',
      streamId: 'incident-tanf',
      revision: 3,
      position: '9007199254740993',
      type: 'StatementReported',
      data: { claimId: 'c1', text: 'strike near At Tanf' },
      metadata,
    });
  });

  test("without the event's own position, the resolved event's commit position is used", () => {
    const resolved = { ...recorded({ position: undefined }), commitPosition: 77n } as ResolvedEvent;
    expect(toStoredEvent(resolved)?.position).toBe('77');
  });

  test('an event with no position at all (a server older than 22.6) is an error, not a guess', () => {
    expect(() => toStoredEvent(recorded({ position: undefined }))).toThrow(/22\.6/);
  });

  test('system events, system streams and unresolved links are not storyline events', () => {
    expect(toStoredEvent(recorded({ type: '$metadata' }))).toBeUndefined();
    expect(toStoredEvent(recorded({ streamId: '$stats-127.0.0.1:2113' }))).toBeUndefined();
    expect(toStoredEvent({})).toBeUndefined();
  });

  test("another application's events are skipped, not errors: binary, no or foreign metadata", () => {
    const binary = recorded({ isJson: false, data: new TextEncoder().encode('plain') });
    expect(toStoredEvent(binary)).toBeUndefined();
    // what the client hands over for empty metadata (undefined) and for non-JSON bytes (Uint8Array)
    expect(toStoredEvent(recorded({ metadata: undefined }))).toBeUndefined();
    expect(toStoredEvent(recorded({ metadata: new TextEncoder().encode('x=1') }))).toBeUndefined();
    expect(toStoredEvent(recorded({ metadata: { $correlationId: 'other-app' } }))).toBeUndefined();
    expect(toStoredEvent(recorded({ metadata: 'text' }))).toBeUndefined();
    expect(
      toStoredEvent(recorded({ metadata: { ...metadata, schemaVersion: '1' } })),
    ).toBeUndefined();
    expect(toStoredEvent(recorded())?.metadata).toEqual(metadata);
  });
});
