import { describe, expect, test } from '@jest/globals';
import { chooseEncoding } from './json-body.js';

describe('chooseEncoding', () => {
  test.each([
    ['gzip, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR', 'br'],
    ['*', 'gzip'],
    ['identity', undefined],
    ['gzip;q=0', undefined],
    [undefined, undefined],
  ])('Accept-Encoding %p gives %p', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
