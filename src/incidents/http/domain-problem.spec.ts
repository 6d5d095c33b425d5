import { expect, test } from '@jest/globals';
import {
  APPLICATION_ERROR_CODES,
  idempotencyKeyReused,
  revisionMismatch,
  writeContention,
} from '../application/application-errors.js';
import { DOMAIN_ERROR_CODES, DomainError } from '../domain/errors.js';
import { domainProblem, statusOfCode } from './domain-problem.js';

test('every domain and application code has a 4xx status', () => {
  for (const code of [...DOMAIN_ERROR_CODES, ...APPLICATION_ERROR_CODES]) {
    expect(statusOfCode(code)).toBeGreaterThanOrEqual(400);
    expect(statusOfCode(code)).toBeLessThan(500);
  }
});

test('application refusals answer as they did when they were problems', () => {
  expect(domainProblem(revisionMismatch(7))).toEqual({
    type: 'urn:storyline:problem:revision-mismatch',
    title: 'Precondition Failed',
    status: 412,
    detail: 'the incident is at revision 7',
    currentRevision: 7,
  });
  expect(domainProblem(writeContention())).toMatchObject({
    type: 'urn:storyline:problem:write-contention',
    status: 409,
  });
  expect(domainProblem(idempotencyKeyReused())).toMatchObject({
    type: 'urn:storyline:problem:idempotency-key-reused',
    status: 422,
  });
});

test('a domain refusal names its field; anything else is left to the next mapper', () => {
  expect(
    domainProblem(new DomainError('invalid_value', 'title must not be empty', 'title')),
  ).toEqual(
    expect.objectContaining({
      status: 400,
      type: 'urn:storyline:problem:invalid-value',
      errors: [{ field: 'title', message: 'title must not be empty' }],
    }),
  );
  expect(domainProblem(new Error('boom'))).toBeUndefined();
});
