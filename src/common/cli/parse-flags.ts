import { parseArgs } from 'node:util';

/** A command line that cannot run; the message names the argument at fault. */
export class FlagsError extends Error {
  override readonly name = 'FlagsError';
}

export type Flags<S extends string, B extends string> = Partial<Record<S, string>> &
  Partial<Record<B, boolean>>;

/**
 * `--name value` or `--name=value` for each of `strings`, `--name` for each of `booleans`, through
 * `util.parseArgs` in strict mode: a positional, an unknown option or a missing or empty value is
 * a FlagsError. The last of a repeated option wins.
 */
export function parseFlags<S extends string, B extends string = never>(
  argv: readonly string[],
  strings: readonly S[],
  booleans: readonly B[] = [],
): Flags<S, B> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of strings) options[name] = { type: 'string' };
  for (const name of booleans) options[name] = { type: 'boolean' };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new FlagsError(culprit(argv, options) ?? (error as Error).message);
  }
  for (const name of strings) {
    if (values[name] === '') throw new FlagsError(`--${name} needs a value`);
  }
  return values as Flags<S, B>;
}

/** Node's own messages differ between versions; ours name the argument the same way on each. */
function culprit(
  argv: readonly string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') return `unexpected argument ${JSON.stringify(token.value)}`;
    if (token.kind !== 'option') continue;
    const type = Object.hasOwn(options, token.name) ? options[token.name]?.type : undefined;
    if (type === undefined) return `unknown argument ${JSON.stringify(token.rawName)}`;
    if (type === 'string' && token.value === undefined) return `${token.rawName} needs a value`;
    if (type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      return `${token.rawName} needs a value (one that starts with "-" is written ${token.rawName}=${token.value})`;
    }
    if (type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value`;
  }
  return undefined;
}
