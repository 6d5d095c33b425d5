import { describe, expect, test } from '@jest/globals';
import type { StoredEvent } from '../event-store.js';
import { NON_SYSTEM_STREAMS, inScope, serverFilter } from './kurrentdb-filter.js';

const event = (streamId: string) => ({ streamId }) as StoredEvent;

describe('server-side filters', () => {
  test('a stream prefix is a stream-name prefix filter', () => {
    expect(serverFilter({ streamPrefix: 'incident-' })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['incident-'],
    });
  });

  test('one stream is asked for by its name as a prefix, then matched exactly here', () => {
    expect(serverFilter({ streamId: 'incident-1' })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['incident-1'],
    });
    expect(inScope(event('incident-1'), { streamId: 'incident-1' })).toBe(true);
    expect(inScope(event('incident-10'), { streamId: 'incident-1' })).toBe(false);
  });

  test('no scope means every stream but system streams', () => {
    const filter = serverFilter({});
    expect(filter).toMatchObject({ filterOn: 'streamName', regex: NON_SYSTEM_STREAMS });
    const regex = new RegExp(NON_SYSTEM_STREAMS);
    expect(regex.test('incident-1')).toBe(true);
    expect(regex.test('$stats-node')).toBe(false);
    expect(regex.test('$$incident-1')).toBe(false);
    expect(inScope(event('anything'), {})).toBe(true);
  });

  test('a prefix scope is re-checked on our side too', () => {
    expect(inScope(event('incident-9'), { streamPrefix: 'incident-' })).toBe(true);
    expect(inScope(event('other-9'), { streamPrefix: 'incident-' })).toBe(false);
  });
});
