import { describe, expect, test } from '@jest/globals';
import { jsonCopy } from './json-copy.js';

class Attribution {
  name = 'Reuters';
  kind = 'wire';
  role?: string;
  describe(): string {
    return this.name;
  }
}

class Statement {
  text = 'the convoy ignored warnings';
  attribution = [new Attribution(), new Attribution()];
  reportedAt = '2017-05-18T19:05:00Z';
  quoted = false;
  topic: string | undefined = undefined;
}

const viaText = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('jsonCopy', () => {
  const cases: [string, unknown][] = [
    ['a DTO with nested instances and undefined fields', { type: 'X', ...new Statement() }],
    ['numbers, finite and not', { a: 1.5, b: -0, c: NaN, d: Infinity, e: [NaN, 2] }],
    [
      'arrays with holes, undefined and functions',
      [1, undefined, () => 1, new Array(2), Symbol('s'), 'x'],
    ],
    ['a Date and a toJSON object', { at: new Date(0), custom: { toJSON: () => ({ k: 1 }) } }],
    ['a toJSON that reads its key', { field: { toJSON: (key: string) => `key=${key}` } }],
    ['nulls, booleans and empty things', { n: null, t: true, o: {}, l: [] }],
    ['integer-like keys first, as JSON orders them', { b: 1, 2: 'two', a: 2, 1: 'one' }],
    ['a "__proto__" field from parsed JSON', JSON.parse('{"__proto__": {"x": 1}, "y": 2}')],
    ['a bare string', 'text'],
  ];

  test.each(cases)('%s: the same value and key order as a JSON round trip', (_name, value) => {
    const copied = jsonCopy(value);
    expect(copied).toStrictEqual(viaText(value));
    expect(JSON.stringify(copied)).toBe(JSON.stringify(value));
  });

  test('a hole in an array becomes null, as in JSON', () => {
    const holes = new Array<unknown>(3);
    holes[1] = 'x';
    expect(jsonCopy(holes)).toStrictEqual([null, 'x', null]);
  });

  test('the copy shares nothing with the original', () => {
    const original = new Statement();
    const copied = jsonCopy(original);
    copied.attribution[0].name = 'AP';
    expect(original.attribution[0].name).toBe('Reuters');
    expect(Object.getPrototypeOf(copied.attribution[0])).toBe(Object.prototype);
  });

  test('a bigint fails as JSON fails', () => {
    expect(() => jsonCopy({ n: 1n })).toThrow(TypeError);
  });
});
