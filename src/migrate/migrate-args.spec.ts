import { describe, expect, test } from '@jest/globals';
import { UsageError, parseMigrateArgs } from './migrate-args.js';

describe('migrate arguments', () => {
  test('--from and --to name two stores, in either spelling', () => {
    expect(parseMigrateArgs(['--from', 'sqlite:a.db', '--to=esdb://h:2113?tls=false'])).toEqual({
      from: { kind: 'sqlite', file: 'a.db' },
      to: { kind: 'kurrentdb', connectionString: 'kurrentdb://h:2113?tls=false' },
    });
    expect(
      parseMigrateArgs(['--to', 'sqlite:b.db', '--from', 'sqlite:a.db', '--max-events', '10']),
    ).toMatchObject({
      maxEvents: 10,
    });
  });

  test('missing, unknown, empty or identical stores are usage errors naming the argument', () => {
    const cases: [string[], RegExp][] = [
      [['--from', 'sqlite:a.db'], /--from and --to are required/],
      [['--from', 'sqlite:a.db', '--to'], /--to needs a value/],
      [['--from', 'sqlite:a.db', '--to', 'sqlite:b.db', '--fast'], /unknown argument "--fast"/],
      [['--from', 'mysql://x', '--to', 'sqlite:b.db'], /^--from must be/],
      [['--from', 'sqlite:a.db', '--to', 'sqlite:a.db'], /the same store/],
      [['--from', 'sqlite:a.db', '--to', 'sqlite:b.db', '--max-events', '0'], /--max-events/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseMigrateArgs(argv)).toThrow(UsageError);
      expect(() => parseMigrateArgs(argv)).toThrow(message);
    }
  });
});
