import { describe, expect, test } from '@jest/globals';
import { refuseJson } from './json-guard.js';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('refuseJson', () => {
  test('accepts ordinary values and scalars', () => {
    expect(refuseJson({ a: [1, { b: 'c' }], d: null })).toBeUndefined();
    expect(refuseJson('text')).toBeUndefined();
    expect(refuseJson(undefined)).toBeUndefined();
    expect(refuseJson(nested(31))).toBeUndefined();
  });

  test('refuses nesting past the limit, however deep, without overflowing the stack', () => {
    expect(refuseJson(nested(33))?.message).toMatch(/nested more than 32/);
    expect(refuseJson(nested(100_000))).toBeDefined();
    expect(refuseJson(JSON.parse('['.repeat(5000) + ']'.repeat(5000)))).toBeDefined();
  });

  test('refuses prototype keys at any depth, naming the field', () => {
    expect(refuseJson(JSON.parse('{"__proto__":{"x":1}}'))).toEqual({
      field: '__proto__',
      message: 'property should not exist',
    });
    expect(refuseJson({ location: { constructor: 'x' } })?.field).toBe('location.constructor');
    expect(refuseJson([{ prototype: 1 }])?.field).toBe('0.prototype');
  });
});
