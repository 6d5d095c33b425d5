import { expect } from '@jest/globals';
import type { Response } from 'supertest';

/** A 400 problem+json naming each field in `errors`. */
export function expectValidationProblem(res: Response, ...fields: string[]): void {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as { status: number; errors?: { field: string; message: string }[] };
  expect(body.status).toBe(400);
  const named = new Set(body.errors?.map((error) => error.field));
  expect([...named].sort()).toEqual([...fields].sort());
}

export function expectProblem(res: Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect((res.body as { status: number }).status).toBe(status);
}
