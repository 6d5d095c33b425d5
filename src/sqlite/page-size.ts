import type Database from 'better-sqlite3';

/**
 * The page size of every SQLite file storyline creates. The read model keeps rows of 1–3 KB
 * (a claim's JSON per version, a timeline entry) in WITHOUT ROWID b-trees, whose cells spill to
 * overflow pages past about a quarter of a page: at SQLite's default 4 KiB most claim versions
 * took an extra page each, so a catch-up wrote twice the pages it needed.
 *
 * Not yet for the service's own embedded file: the idempotency store's connection opens it
 * first and creates its table at SQLite's 4 KiB, so that file stays at 4 KiB (the scale bench's
 * stores, built through the event store, are at 16 KiB). Setting it there too measured within
 * noise on the hot bench and slower on the live bench's p99 (22.6-33.5 vs 17.5-18.6 ms, two
 * pairs): left for a measured decision rather than changed by the order connections open in.
 */
export const PAGE_SIZE = 16_384;

/**
 * Sets the page size on a file that has no pages yet (call before `journal_mode = WAL` and the
 * first table). An existing file keeps the page size it was created with.
 */
export function setPageSizeIfNew(db: Database.Database): void {
  if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
}
