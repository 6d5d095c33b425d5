import { parseStoreLocation, type StoreLocation } from '../event-store/store-location.js';

export interface MigrateArgs {
  from: StoreLocation;
  to: StoreLocation;
  maxEvents?: number;
}

/** A command line that cannot run; the message says how to call it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE =
  'usage: npm run migrate -- --from <store> --to <store> [--max-events <n>]\n' +
  '  <store> is sqlite:<file>, a kurrentdb://… / esdb://… or a postgres://… connection string\n' +
  '  --max-events stops after copying n events; run the same command again to resume';

/** Reads `--from X --to Y [--max-events N]` (or `--name=value`). */
export function parseMigrateArgs(argv: readonly string[]): MigrateArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(from|to|max-events)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new UsageError(`unknown argument ${JSON.stringify(argv[i])}\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '')
      throw new UsageError(`--${match[1]} needs a value\n${USAGE}`);
    values.set(match[1], value);
  }
  const from = values.get('from');
  const to = values.get('to');
  if (from === undefined || to === undefined)
    throw new UsageError(`--from and --to are required\n${USAGE}`);
  const parse = (value: string, name: string) => {
    try {
      return parseStoreLocation(value, name);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  };
  const args: MigrateArgs = { from: parse(from, '--from'), to: parse(to, '--to') };
  if (JSON.stringify(args.from) === JSON.stringify(args.to)) {
    throw new UsageError('--from and --to name the same store');
  }
  const max = values.get('max-events');
  if (max !== undefined) {
    if (!/^\d+$/.test(max) || Number(max) < 1)
      throw new UsageError('--max-events must be a whole number >= 1');
    args.maxEvents = Number(max);
  }
  return args;
}
