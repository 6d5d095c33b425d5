import { describe, expect, test } from '@jest/globals';
import type { StoredEvent } from '../event-store/event-store.js';
import { batchesByStream } from './migrate-log.js';

const at = (streamId: string, revision: number, text = '') =>
  ({
    streamId,
    revision,
    eventId: `${streamId}/${revision}`,
    data: { text },
    metadata: {},
  }) as StoredEvent;

const ids = (batches: StoredEvent[][]) =>
  batches.map((batch) => batch.map((event) => event.eventId));

describe('batchesByStream', () => {
  test('one append per stream per page, streams in order of first appearance, events in log order', () => {
    const page = [at('a', 0), at('b', 0), at('a', 1), at('c', 0), at('b', 1), at('a', 2)];
    expect(ids(batchesByStream(page))).toEqual([['a/0', 'a/1', 'a/2'], ['b/0', 'b/1'], ['c/0']]);
  });

  test('a stream whose events exceed the byte budget is split, keeping order', () => {
    const big = 'x'.repeat(400);
    const page = [at('a', 0, big), at('a', 1, big), at('a', 2, big), at('b', 0)];
    expect(ids(batchesByStream(page, 1000))).toEqual([['a/0', 'a/1'], ['a/2'], ['b/0']]);
  });
});
