/** One raw read of `$all`: the storyline events in it and where its last record stood. */
export interface RawPage<T extends { position: string }> {
  events: T[];
  /** How many records the server returned, storyline's or not (tombstones, links). */
  records: number;
  /** Commit position of the last record returned, storyline's or not. */
  lastPosition?: string;
}

/**
 * Fills a page of `limit` storyline events from `$all`. A raw read can come back short of
 * storyline events (records storyline skips, such as `$`-typed tombstones or links, take its
 * places); reading on from the last record keeps such a page from passing for the end of the log.
 * `readRaw(from, maxCount)` reads from `from` inclusive.
 */
export async function fillPage<T extends { position: string }>(
  readRaw: (from: string, maxCount: number) => Promise<RawPage<T>>,
  after: string,
  limit: number,
): Promise<T[]> {
  const found: T[] = [];
  let from = after;
  for (;;) {
    // the read includes the record at `from` itself; one more keeps the page full
    const maxCount = limit - found.length + 1;
    const page = await readRaw(from, maxCount);
    const floor = BigInt(from);
    found.push(...page.events.filter((event) => BigInt(event.position) > floor));
    const atEnd = page.records < maxCount || page.lastPosition === undefined;
    if (found.length >= limit || atEnd || page.lastPosition === from) break;
    from = page.lastPosition as string;
  }
  return found.slice(0, limit);
}
