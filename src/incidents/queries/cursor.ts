import { problem, ProblemError } from '../../common/problem/problem.js';

/** Opaque paging cursors: base64url of the JSON sort key of the last item returned. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function badCursor(message = 'cursor is not a cursor this route returned'): ProblemError {
  return new ProblemError(
    problem(400, 'validation', `cursor: ${message}`, { errors: [{ field: 'cursor', message }] }),
  );
}

/** Decodes a cursor and checks its shape; any tampering or mismatch is a 400. */
export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!isValid(value)) throw badCursor();
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
