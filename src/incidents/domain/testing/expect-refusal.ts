/** Test support: asserts that a call is refused with a given domain error code. */
import { expect } from '@jest/globals';
import { DomainError, type DomainErrorCode } from '../errors.js';

export function expectRefusal(run: () => unknown, code: DomainErrorCode, field?: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  const error = thrown as DomainError;
  expect({ code: error.code, field: error.field }).toEqual({
    code,
    field: field ?? error.field,
  });
  expect(error.detail.length).toBeGreaterThan(0);
}
