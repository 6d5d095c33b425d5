import type { TransformFnParams } from 'class-transformer';

/**
 * Query strings are text: a decimal integer becomes a number, anything else stays as it is so
 * that `@IsInt()` rejects it ('' and '1.5' and '1e3' included, which Number() would accept).
 */
export function toInteger({ value }: TransformFnParams): unknown {
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}
