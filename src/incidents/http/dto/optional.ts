import { ValidateIf } from 'class-validator';

/**
 * An optional body field: absent is fine, but an explicit `null` is a wrong type and gets the
 * field's own errors (class-validator's IsOptional would let null through to the domain).
 * Fields that `null` clears say so with their own ValidateIf.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}
