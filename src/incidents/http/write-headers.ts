import type { Request } from 'express';
import { problem, ProblemError } from '../../common/problem/problem.js';
import { requestHash } from '../application/deterministic-ids.js';

const IF_MATCH = /^(?:W\/)?"?(-?\d{1,10})"?$/;
const KEY = /^[\x21-\x7e]{1,200}$/;

function badHeader(field: string, message: string): ProblemError {
  return new ProblemError(
    problem(400, 'validation', `${field}: ${message}`, { errors: [{ field, message }] }),
  );
}

/** `If-Match: "<revision>"` as a number, or undefined when absent. */
export function ifMatchOf(req: Request): number | undefined {
  const value = req.header('if-match');
  if (value === undefined) return undefined;
  const match = IF_MATCH.exec(value.trim());
  if (!match) throw badHeader('If-Match', 'must be a quoted revision, e.g. "3"');
  return Number(match[1]);
}

/** `Idempotency-Key` with the hash of the request it keys, or undefined when absent. */
export function idempotencyOf(req: Request): { key: string; requestHash: string } | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key))
    throw badHeader('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
  return { key, requestHash: requestHash(req.method, req.path, req.body) };
}
