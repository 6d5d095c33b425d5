import { describe, expect, test } from '@jest/globals';
import { comparePosition, isNewPosition, isPosition, maxPosition } from './positions.js';

describe('positions', () => {
  test('compare as unsigned integers', () => {
    expect(comparePosition('2', '10')).toBe(-1);
    expect(comparePosition('10', '2')).toBe(1);
    expect(comparePosition('9007199254740993', '9007199254740992')).toBe(1);
    expect(comparePosition('7', '7')).toBe(0);
  });

  test('a position is new only when strictly after the last applied one', () => {
    expect(isNewPosition('1', undefined)).toBe(true);
    expect(isNewPosition('3', '3')).toBe(false);
    expect(isNewPosition('4', '3')).toBe(true);
  });

  test('maxPosition keeps the later position', () => {
    expect(maxPosition(undefined, '3')).toBe('3');
    expect(maxPosition('11', '3')).toBe('11');
    expect(maxPosition('3', undefined)).toBe('3');
  });

  test('only decimal strings of unsigned integers are positions', () => {
    expect(['0', '12', '18446744073709551615'].every(isPosition)).toBe(true);
    expect([12, '-1', '01', '1.5', '', 'abc', null].some(isPosition)).toBe(false);
  });
});
