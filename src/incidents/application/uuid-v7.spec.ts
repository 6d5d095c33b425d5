import { describe, expect, test } from '@jest/globals';
import { uuidV7 } from './uuid-v7.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV7', () => {
  test('lays out the milliseconds, version and variant as RFC 9562 does', () => {
    const random = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    // the RFC's example time, 2022-02-22T19:22:22Z = 0x017F22E279B0 ms
    expect(uuidV7(0x017f22e279b0, random)).toBe('017f22e2-79b0-7fff-bfff-ffffffffffff');
    expect(uuidV7(0, new Uint8Array(10))).toBe('00000000-0000-7000-8000-000000000000');
  });

  test('ids of later milliseconds sort after earlier ones, whatever their random bits', () => {
    const high = new Uint8Array(10).fill(0xff);
    const low = new Uint8Array(10);
    expect(uuidV7(1_700_000_000_001, low) > uuidV7(1_700_000_000_000, high)).toBe(true);
  });

  test('drawn ids are well-formed and distinct', () => {
    const ids = Array.from({ length: 2000 }, () => uuidV7());
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('refuses too few random bytes', () => {
    expect(() => uuidV7(0, new Uint8Array(9))).toThrow(RangeError);
  });
});
