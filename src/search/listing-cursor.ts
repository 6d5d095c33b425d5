/**
 * Cursors that carry their query (API.md: "sending `cursor` alone continues the listing it came
 * from"). A cursor holds the listing's name, its filters and where the page ended; a request
 * that sends a cursor with filters of its own must send the cursor's (else 400), and a cursor
 * of another listing is a 400.
 */
import { badCursor, decodeCursor, encodeCursor, isRecord } from '../incidents/queries/cursor.js';

export type Filters = Record<string, string | undefined>;

interface Carried {
  l: string;
  f: Record<string, string>;
  a: unknown;
}

const isCarried = (value: unknown): value is Carried =>
  isRecord(value) &&
  typeof value.l === 'string' &&
  isRecord(value.f) &&
  Object.values(value.f).every((v) => typeof v === 'string') &&
  'a' in value;

/** The filters to use and where to start: the cursor's when one is sent, else the request's. */
export function continueListing<F extends Filters, A>(
  listing: string,
  cursor: string | undefined,
  given: F,
  isAt: (at: unknown, filters: F) => at is A,
): { filters: F; at?: A } {
  if (cursor === undefined) return { filters: given };
  const carried = decodeCursor(cursor, isCarried);
  if (carried.l !== listing) throw badCursor(`cursor belongs to another listing (${carried.l})`);
  for (const [name, value] of Object.entries(given)) {
    if (value !== undefined && carried.f[name] !== value) {
      throw badCursor(`cursor continues a listing with other filters (${name})`);
    }
  }
  const filters = { ...carried.f } as F;
  if (!isAt(carried.a, filters)) throw badCursor();
  return { filters, at: carried.a };
}

export function listingCursor(listing: string, filters: Filters, at: unknown): string {
  const f: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) f[name] = value;
  return encodeCursor({ l: listing, f, a: at });
}

export const isOffset = (at: unknown): at is { o: number } =>
  isRecord(at) && Number.isSafeInteger(at.o) && (at.o as number) >= 0;
