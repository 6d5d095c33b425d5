/** Keyset paging over the read model: fetch one more than the limit to know if a page follows. */
import type { TimelineEntry } from '../domain/view-types.js';
import type {
  ReadModelQueries,
  TimelineBy,
  TimelineOrder,
} from '../projections/read-model-queries.js';
import { badCursor, decodeCursor, encodeCursor, isRecord } from './cursor.js';

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextCursor?: string;
}

interface TimelineCursor {
  b: TimelineBy;
  o: TimelineOrder;
  k: string;
  r: number;
}

const isTimelineCursor = (value: unknown): value is TimelineCursor =>
  isRecord(value) &&
  (value.b === 'recorded' || value.b === 'reported') &&
  (value.o === 'asc' || value.o === 'desc') &&
  typeof value.k === 'string' &&
  Number.isSafeInteger(value.r);

export interface TimelineRequest {
  after?: number;
  limit: number;
  /** Absent: the cursor's, else asc. */
  order?: TimelineOrder;
  /** Absent: the cursor's, else recorded. */
  by?: TimelineBy;
  cursor?: string;
}

/** GET /incidents/:id/timeline; a cursor only continues the order and `by` it was made for. */
export function timelinePage(
  queries: ReadModelQueries,
  incidentId: string,
  request: TimelineRequest,
): Page<TimelineEntry> {
  const cursor = request.cursor ? decodeCursor(request.cursor, isTimelineCursor) : undefined;
  const by = request.by ?? cursor?.b ?? 'recorded';
  const order = request.order ?? cursor?.o ?? 'asc';
  if (cursor && (cursor.b !== by || cursor.o !== order)) {
    throw badCursor(`cursor continues order=${cursor.o}&by=${cursor.b}, not this order`);
  }
  const from = cursor && { key: cursor.k, revision: cursor.r };
  const rows = queries.timeline(incidentId, {
    by,
    order,
    afterRevision: request.after,
    from,
    limit: request.limit + 1,
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  const next = last && {
    b: by,
    o: order,
    k: last.reportedKey,
    r: last.entry.revision,
  };
  return {
    items: page.map((row) => row.entry),
    ...(rows.length > request.limit && next && { nextCursor: encodeCursor({ ...next }) }),
  };
}
