import { StoreUnavailable } from '../../event-store/event-store.js';
import { problem, type Problem } from './problem.js';

/** The event store port's "cannot be reached": a 503 to retry later. */
export function storeUnavailableProblem(error: unknown): Problem | undefined {
  if (!(error instanceof StoreUnavailable)) return undefined;
  return problem(503, 'store-unavailable', 'the event store is unreachable; retry later');
}
