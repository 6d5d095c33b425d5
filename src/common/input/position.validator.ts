import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The largest position any store gives (a signed 64-bit integer: SQLite rowids, KurrentDB's log). */
export const MAX_POSITION = 2n ** 63n - 1n;

/** A position: a decimal string of an integer from 0 to 2^63 − 1. */
export function isPosition(value: unknown): boolean {
  return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_POSITION;
}

export function IsPosition(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPosition',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a position: a decimal string from 0 to ${MAX_POSITION}`,
        ...options,
      },
      validator: { validate: isPosition },
    });
}
