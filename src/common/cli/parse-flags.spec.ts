import { describe, expect, test } from '@jest/globals';
import { FlagsError, parseFlags } from './parse-flags.js';

describe('parseFlags', () => {
  test('reads --name value, --name=value and boolean flags; the last repeat wins', () => {
    expect(
      parseFlags(['--a', '1', '--b=two', '--a', '3', '--yes'], ['a', 'b', 'c'], ['yes']),
    ).toEqual({ a: '3', b: 'two', yes: true });
    expect(parseFlags(['--a=-1'], ['a'])).toEqual({ a: '-1' });
  });

  test.each([
    [['--a'], '--a needs a value'],
    [['--a='], '--a needs a value'],
    [['--a', '--b', 'x'], '--a needs a value (one that starts with "-" is written --a=--b)'],
    [['--zap'], 'unknown argument "--zap"'],
    [['-z', '1'], 'unknown argument "-z"'],
    [['extra'], 'unexpected argument "extra"'],
    [['--yes=1'], '--yes takes no value'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseFlags(argv, ['a', 'b'], ['yes'])).toThrow(new FlagsError(message));
  });
});
