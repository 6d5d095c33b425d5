import { openSqlite } from '../../src/sqlite/open-sqlite.js';
import { elapsedMs } from '../lib/stats.js';

/** The baseline: read one stream's rows from the file with better-sqlite3 and parse them. */
function readOnce(file: string, streamId: string): number {
  const db = openSqlite(file, { readonly: true });
  try {
    const start = process.hrtime.bigint();
    const rows = db
      .prepare<[string], { data: string; metadata: string }>(
        'SELECT data, metadata FROM events WHERE stream_id = ? ORDER BY revision',
      )
      .all(streamId);
    let count = 0;
    for (const row of rows) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      count += 1;
    }
    if (count === 0) throw new Error(`${streamId} is empty`);
    return elapsedMs(start);
  } finally {
    db.close();
  }
}

/** The median of three raw reads (the first one also warms the page cache). */
export function rawReadAndParse(file: string, streamId: string): number {
  const times = [0, 1, 2].map(() => readOnce(file, streamId)).sort((a, b) => a - b);
  return times[1];
}
