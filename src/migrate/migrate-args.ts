import { FlagsError, parseFlags } from '../common/cli/parse-flags.js';
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
  let values;
  try {
    values = parseFlags(argv, ['from', 'to', 'max-events']);
  } catch (error) {
    if (!(error instanceof FlagsError)) throw error;
    throw new UsageError(`${error.message}\n${USAGE}`);
  }
  const { from, to } = values;
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
  const max = values['max-events'];
  if (max !== undefined) {
    if (!/^\d+$/.test(max) || Number(max) < 1)
      throw new UsageError('--max-events must be a whole number >= 1');
    args.maxEvents = Number(max);
  }
  return args;
}
