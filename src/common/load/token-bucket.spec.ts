import { describe, expect, test } from '@jest/globals';
import { TokenBuckets } from './token-bucket.js';

describe('TokenBuckets', () => {
  test('a burst is allowed, then the rate, each key on its own', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, 3, () => now);
    expect([1, 2, 3].map(() => buckets.take('rita'))).toEqual([0, 0, 0]);
    expect(buckets.take('rita')).toBe(500);
    expect(buckets.take('eddie')).toBe(0);
    now = 500;
    expect(buckets.take('rita')).toBe(0);
    expect(buckets.take('rita')).toBe(500);
    now = 10_000;
    expect([1, 2, 3, 4].map(() => buckets.take('rita'))).toEqual([0, 0, 0, 500]);
  });
});
