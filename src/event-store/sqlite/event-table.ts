import type Database from 'better-sqlite3';
import { InvalidStoreArgument, type StoredEvent } from '../event-store.js';

/** A row of the events table, integers read as bigint so positions never lose precision. */
interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

/** An event ready to insert: data and metadata already serialised to JSON. */
export interface EventRecord {
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

export interface StoredPlace {
  revision: number;
  position: bigint;
}

/** A log position given as text (an API argument, a checkpoint), as the table's integer. */
export function toPosition(value: string): bigint {
  if (!/^\d+$/.test(value)) throw new InvalidStoreArgument(`not a position: ${value}`);
  return BigInt(value);
}

/** No limit, as SQLite spells it. */
const UNLIMITED = -1;

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: row.position.toString(),
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
  };
}

/** The events table behind prepared statements; every method is synchronous. */
export class EventTable {
  private readonly lastRevisionStmt: Database.Statement<[string], { revision: bigint | null }>;
  private readonly findStmt: Database.Statement<[string, string], EventRow>;
  private readonly insertStmt: Database.Statement<[string, number, string, string, string, string]>;
  private readonly forwardsStmt: Database.Statement<[string, number, number], EventRow>;
  private readonly backwardsStmt: Database.Statement<[string, number, number], EventRow>;
  private readonly allStmt: Database.Statement<[bigint, number], EventRow>;
  private readonly streamAfterStmt: Database.Statement<[string, bigint, number], EventRow>;
  private readonly prefixAfterStmt: Database.Statement<[bigint, number, string, number], EventRow>;
  private readonly headStmt: Database.Statement<[], { head: bigint | null }>;

  constructor(db: Database.Database) {
    const select =
      'SELECT position, stream_id, revision, event_id, type, data, metadata FROM events';
    const prepare = <P extends unknown[], R>(sql: string) =>
      db.prepare<P, R>(sql).safeIntegers(true);
    this.lastRevisionStmt = prepare(
      'SELECT max(revision) AS revision FROM events WHERE stream_id = ?',
    );
    this.findStmt = prepare(`${select} WHERE stream_id = ? AND event_id = ?`);
    this.insertStmt = prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.forwardsStmt = prepare(
      `${select} WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    );
    this.backwardsStmt = prepare(
      `${select} WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
    this.allStmt = prepare(`${select} WHERE position > ? ORDER BY position LIMIT ?`);
    this.streamAfterStmt = prepare(
      `${select} WHERE stream_id = ? AND position > ? ORDER BY position LIMIT ?`,
    );
    this.prefixAfterStmt = prepare(
      `${select} WHERE position > ? AND substr(stream_id, 1, ?) = ? ORDER BY position LIMIT ?`,
    );
    this.headStmt = prepare('SELECT max(position) AS head FROM events');
  }

  /** The revision of the stream's last event, -1 when the stream is absent. */
  lastRevision(streamId: string): number {
    const row = this.lastRevisionStmt.get(streamId);
    return row?.revision == null ? -1 : Number(row.revision);
  }

  find(streamId: string, eventId: string): StoredPlace | undefined {
    const row = this.findStmt.get(streamId, eventId);
    return row && { revision: Number(row.revision), position: row.position };
  }

  /** Inserts one event and returns its position. */
  insert(streamId: string, revision: number, event: EventRecord): bigint {
    const { lastInsertRowid } = this.insertStmt.run(
      streamId,
      revision,
      event.eventId,
      event.type,
      event.data,
      event.metadata,
    );
    return BigInt(lastInsertRowid);
  }

  readStream(streamId: string, from: number | undefined, backwards: boolean, limit?: number) {
    const max = limit ?? UNLIMITED;
    const rows = backwards
      ? this.backwardsStmt.all(streamId, from ?? Number.MAX_SAFE_INTEGER, max)
      : this.forwardsStmt.all(streamId, from ?? 0, max);
    return rows.map(toStoredEvent);
  }

  readAll(after: bigint, limit: number): StoredEvent[] {
    return this.allStmt.all(after, limit).map(toStoredEvent);
  }

  readStreamAfter(streamId: string, after: bigint, limit: number): StoredEvent[] {
    return this.streamAfterStmt.all(streamId, after, limit).map(toStoredEvent);
  }

  /** Events of streams whose id starts with `prefix`, in position order. */
  readPrefixAfter(prefix: string, after: bigint, limit: number): StoredEvent[] {
    // substr counts characters (code points), not UTF-16 units
    const length = [...prefix].length;
    return this.prefixAfterStmt.all(after, length, prefix, limit).map(toStoredEvent);
  }

  head(): bigint {
    return this.headStmt.get()?.head ?? 0n;
  }
}
