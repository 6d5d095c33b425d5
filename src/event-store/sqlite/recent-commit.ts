import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store.js';

/**
 * The events the store's last commit inserted, by stream, so the write path's read-back of what
 * it has just appended (the state cache moving on) is answered without a query and a second
 * parse. A stream's events from the first one inserted are exactly these while no later commit
 * of this store touched it (each commit replaces them) and no other connection committed to the
 * file (`data_version`). The events are shared with the store's other readers: read-only.
 */
export class RecentCommit {
  private byStream = new Map<string, StoredEvent[]>();
  private version = -1;
  private readonly dataVersion: Database.Statement<[], number>;

  constructor(db: Database.Database) {
    // moves only when another connection (another process) commits to the file
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** After a commit: `events` (position order) replace what the last one inserted. */
  remember(events: readonly StoredEvent[]): void {
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of events) {
      const stream = byStream.get(event.streamId);
      if (stream) stream.push(event);
      else byStream.set(event.streamId, [event]);
    }
    this.byStream = byStream;
    this.version = byStream.size > 0 ? (this.dataVersion.get() as number) : -1;
  }

  /** A failed commit, or one whose events are not at hand: nothing is known. */
  forget(): void {
    this.byStream = new Map();
    this.version = -1;
  }

  /**
   * A forward read of `streamId` from revision `from`, when it starts within the last commit's
   * events of that stream (or just past them); undefined when the table must answer.
   */
  readForwards(streamId: string, from: number, limit?: number): StoredEvent[] | undefined {
    const events = this.byStream.get(streamId);
    if (!events) return undefined;
    const offset = from - events[0].revision;
    if (offset < 0 || offset > events.length) return undefined;
    if (this.dataVersion.get() !== this.version) {
      this.forget();
      return undefined;
    }
    return events.slice(offset, limit === undefined ? undefined : offset + limit);
  }
}
