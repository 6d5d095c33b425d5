import { describe, expect, test } from '@jest/globals';
import { InvalidStoreArgument, type NewEvent } from '../event-store.js';
import { validateAppend } from './append-arguments.js';

function event(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: '4b1c9a7e-3f5d-4c1a-9a55-0a7c1f0e9b11',
    type: 'StatementReported',
    data: { claimId: 'c1' },
    metadata: {
      recordedAt: '2017-05-18T16:00:00.000Z',
      recordedBy: 'rita',
      correlationId: 'c-1',
      causationId: null,
      schemaVersion: 1,
    },
    ...overrides,
  };
}

describe('validateAppend', () => {
  test('a well-formed append passes', () => {
    expect(() => validateAppend('incident-tanf', [event()])).not.toThrow();
  });

  // the client serialises inside an async Promise executor: a throw there is an unhandled
  // rejection (a crash) and the append never settles, so it must be refused before the call
  test('data or metadata that is not JSON is refused before it reaches the client', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const bad: Partial<NewEvent>[] = [
      { data: undefined },
      { data: 10n },
      { data: circular },
      { metadata: { ...event().metadata, schemaVersion: 1n } as unknown as NewEvent['metadata'] },
    ];
    for (const overrides of bad) {
      expect(() => validateAppend('incident-tanf', [event(overrides)])).toThrow(
        InvalidStoreArgument,
      );
    }
  });
});
