import { describe, expect, test } from '@jest/globals';
import type { AttributionLink } from './events.js';
import { SharedAttributions } from './shared-attributions.js';

const chain = (name: string): AttributionLink[] => [
  { name, kind: 'official' },
  { name: 'Reuters', kind: 'wire' },
];

describe('SharedAttributions', () => {
  test('an equal chain is the first one kept; a different one is its own', () => {
    const shared = new SharedAttributions();
    const first = chain('Ministry of Health');
    expect(shared.of(first)).toBe(first);
    expect(shared.of(chain('Ministry of Health'))).toBe(first);
    expect(shared.of(first)).toBe(first);
    const other = chain('Civil Defence');
    expect(shared.of(other)).toBe(other);
  });

  test('chains that differ in one field are kept apart', () => {
    const shared = new SharedAttributions();
    const unnamed: AttributionLink[] = [{ name: 'an official', kind: 'official', named: false }];
    const named: AttributionLink[] = [{ name: 'an official', kind: 'official' }];
    expect(shared.of(unnamed)).toBe(unnamed);
    expect(shared.of(named)).toBe(named);
  });

  test('past its bound it starts again, and still answers an equal chain with one kept', () => {
    const shared = new SharedAttributions();
    for (let i = 0; i < 5000; i++) shared.of(chain(`source ${i}`));
    const late = chain('source 4999');
    const kept = shared.of(late);
    expect(kept).toEqual(late);
    expect(shared.of(chain('source 4999'))).toBe(kept);
  });
});
