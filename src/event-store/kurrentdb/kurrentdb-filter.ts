import { streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import type { StoredEvent } from '../event-store.js';

/** Which streams a read of $all or a subscription covers. */
export interface StreamScope {
  streamId?: string;
  streamPrefix?: string;
}

/** Stream names that do not start with `$`: every user stream, no system stream. */
export const NON_SYSTEM_STREAMS = '^[^$]';

/**
 * The filter the server applies, so events of other streams never cross the wire. A single
 * stream is asked for by its name as a prefix (exact match is checked on our side); with no
 * scope, everything but system streams, like the embedded store's whole log.
 */
export function serverFilter(scope: StreamScope): Filter {
  if (scope.streamId !== undefined) return streamNameFilter({ prefixes: [scope.streamId] });
  if (scope.streamPrefix !== undefined) return streamNameFilter({ prefixes: [scope.streamPrefix] });
  return streamNameFilter({ regex: NON_SYSTEM_STREAMS });
}

/** The exact check behind the server's (prefix) filter. */
export function inScope(event: StoredEvent, scope: StreamScope): boolean {
  if (scope.streamId !== undefined && event.streamId !== scope.streamId) return false;
  if (scope.streamPrefix !== undefined && !event.streamId.startsWith(scope.streamPrefix)) {
    return false;
  }
  return true;
}
