import { describe, expect, test } from '@jest/globals';
import type { StoredEvent } from '../event-store/event-store.js';
import { canonicalJson } from '../common/canonical-json.js';
import { digestEvents } from './stream-checksum.js';

const stored = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  eventId: 'e1',
  streamId: 'incident-a',
  revision: 0,
  position: '17',
  type: 'IncidentOpened',
  data: { title: 'Strike near At Tanf', tags: ['syria'] },
  metadata: {
    recordedAt: '2017-05-18T16:00:00.000Z',
    recordedBy: 'rita',
    correlationId: 'c',
    causationId: null,
    schemaVersion: 1,
  },
  ...overrides,
});

describe('stream checksums', () => {
  test('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });

  test('the digest ignores positions (each store has its own) and key order', () => {
    const a = digestEvents([stored()]);
    expect(a.count).toBe(1);
    expect(digestEvents([stored({ position: '99999' })])).toEqual(a);
    expect(
      digestEvents([stored({ data: { tags: ['syria'], title: 'Strike near At Tanf' } })]),
    ).toEqual(a);
  });

  test('any change of id, type, data, metadata, revision or order changes the digest', () => {
    const base = digestEvents([stored(), stored({ eventId: 'e2', revision: 1 })]).sha256;
    const variants = [
      [stored({ eventId: 'x' }), stored({ eventId: 'e2', revision: 1 })],
      [stored({ type: 'Other' }), stored({ eventId: 'e2', revision: 1 })],
      [stored({ data: { title: 'Strike' } }), stored({ eventId: 'e2', revision: 1 })],
      [
        stored({ metadata: { ...stored().metadata, recordedBy: 'eddie' } }),
        stored({ eventId: 'e2', revision: 1 }),
      ],
      [stored({ eventId: 'e2', revision: 1 }), stored()],
    ];
    for (const events of variants) expect(digestEvents(events).sha256).not.toBe(base);
  });
});
