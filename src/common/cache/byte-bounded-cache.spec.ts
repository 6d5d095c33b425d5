import { describe, expect, test } from '@jest/globals';
import { ByteBoundedCache } from './byte-bounded-cache.js';

const bytes = (n: number) => ({ bytes: Buffer.alloc(n) });

describe('ByteBoundedCache', () => {
  test('past its bound in bytes it drops the least recently used; get makes an entry recent', () => {
    const cache = new ByteBoundedCache<{ bytes: Buffer }>(10, (value) => value.bytes.length);
    cache.set('a', bytes(4));
    cache.set('b', bytes(4));
    expect(cache.get('a')?.bytes.length).toBe(4);
    cache.set('c', bytes(4));
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a')?.bytes.length, cache.get('c')?.bytes.length, cache.bytes]).toEqual([
      4, 4, 8,
    ]);
    cache.set('a', bytes(7));
    expect([cache.get('c'), cache.get('a')?.bytes.length, cache.bytes]).toEqual([undefined, 7, 7]);
  });

  test('a buffer larger than the bound is not kept, and replaces nothing else', () => {
    const cache = new ByteBoundedCache<{ bytes: Buffer }>(10, (value) => value.bytes.length);
    cache.set('a', bytes(3));
    cache.set('big', bytes(11));
    expect([cache.get('big'), cache.get('a')?.bytes.length, cache.bytes]).toEqual([
      undefined,
      3,
      3,
    ]);
  });
});
