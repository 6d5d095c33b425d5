import { describe, expect, test } from '@jest/globals';
import { LruMap } from './lru-map.js';

describe('LruMap', () => {
  test('past its bound it drops the least recently used entry; get and set make an entry recent', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.peek('b')).toBeUndefined();
    expect([map.peek('a'), map.peek('c'), map.size]).toEqual([1, 3, 2]);
    map.set('a', 10);
    map.set('d', 4);
    expect([map.peek('a'), map.peek('c'), map.peek('d')]).toEqual([10, undefined, 4]);
  });

  test('peek does not make an entry recent', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.peek('a');
    map.set('c', 3);
    expect(map.peek('a')).toBeUndefined();
  });
});
