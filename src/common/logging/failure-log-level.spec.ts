import { expect, test } from '@jest/globals';
import { failureLogLevel } from './failure-log-level.js';

test.each([
  [400, undefined],
  [404, undefined],
  [429, undefined],
  [500, 'error'],
  [502, 'error'],
  [503, 'warn'],
  [507, 'error'],
])('a %i is logged at %s', (status, level) => {
  expect(failureLogLevel(status)).toBe(level);
});
