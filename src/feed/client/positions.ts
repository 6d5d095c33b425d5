/**
 * Position arithmetic for feed clients. Positions are decimal strings of unsigned integers that
 * can exceed 2^53, so they are compared as BigInt, never as numbers or strings.
 */

/** -1, 0 or 1 as position a is before, equal to or after position b. */
export function comparePosition(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `position` is strictly after `last` (any position is new when nothing was applied). */
export function isNewPosition(position: string, last: string | undefined): boolean {
  return last === undefined || comparePosition(position, last) > 0;
}

/** The later of two positions (`undefined` counts as "nothing yet"). */
export function maxPosition(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return comparePosition(a, b) >= 0 ? a : b;
}

/** True for a decimal string of an unsigned integer, the only shape a position may take. */
export function isPosition(value: unknown): value is string {
  return typeof value === 'string' && /^(0|[1-9][0-9]*)$/.test(value);
}
