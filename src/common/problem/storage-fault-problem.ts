import { problem, type Problem } from './problem.js';

/** SQLite result codes that mean the disk, not the request, is at fault (a full or read-only disk). */
const STORAGE_FAULTS = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM)/;

/**
 * A storage fault that reached a controller (a read model written outside the event store, such
 * as a rebuild's fresh tables) is a 503 to retry later, never a 500.
 */
export function storageFaultProblem(error: unknown): Problem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !STORAGE_FAULTS.test(code)) return undefined;
  return problem(503, 'storage-unavailable', 'the storage cannot take writes now; retry later');
}
