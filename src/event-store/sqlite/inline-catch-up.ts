import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store.js';
import { type EventTable, toPosition } from './event-table.js';

/**
 * A projection kept in the appends' own transaction, on the store's connection (the embedded
 * read model in the store's file): a write's rows commit with it, so a write needs no second
 * round. When the projection has applied every event of its streams already in the log, `apply`
 * runs inside the transaction with every event the batch inserted (position order; it passes
 * over other streams' events) and what it returns goes to `committed` once the transaction is
 * durable. Behind (catching up), it is not called: its own round brings the events in order. If
 * `apply` throws, only its own writes are undone (a savepoint) and the appends still commit.
 */
export interface InlineProjection {
  /** The streams it projects. */
  readonly streamPrefix: string;
  /** The log position it has applied (its committed checkpoint). */
  position(): string;
  apply(events: readonly StoredEvent[]): string | undefined;
  committed(checkpoint: string): void;
}

/**
 * Whether the inline projection holds every event of its streams in the log, asked in each
 * batch's transaction. Once the log has said so at a position, that stays true while every such
 * event since came through the projection's `apply` and no other connection committed
 * (`data_version`), so a batch need not query the log to know it.
 */
export class InlineCatchUp {
  private caughtUpAt: string | undefined;
  private caughtUpVersion = -1;
  private readonly dataVersion: Database.Statement<[], number>;

  constructor(
    db: Database.Database,
    private readonly table: EventTable,
  ) {
    // moves only when another connection (another process) commits to the file
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** No event of the projection's streams after its position (other streams' may follow it). */
  caughtUp(projection: InlineProjection): boolean {
    const position = projection.position();
    const version = this.dataVersion.get() as number;
    if (position === this.caughtUpAt && version === this.caughtUpVersion) return true;
    const caughtUp =
      this.table.readPrefixAfter(projection.streamPrefix, toPosition(position), 1).length === 0;
    this.caughtUpAt = caughtUp ? position : undefined;
    this.caughtUpVersion = version;
    return caughtUp;
  }

  /**
   * After a commit: the projection applied the batch (`checkpoint`, then the log's head, every
   * inserted event having passed through it) and stays caught up at its new position, or
   * `appended` events went in without it and the next batch asks the log again.
   */
  committed(projection: InlineProjection, checkpoint: string | undefined, appended: boolean): void {
    if (checkpoint !== undefined)
      this.caughtUpAt = projection.position() === checkpoint ? checkpoint : undefined;
    else if (appended) this.forget();
  }

  /** Not known any more (a new projection, a failed commit): the next batch asks the log. */
  forget(): void {
    this.caughtUpAt = undefined;
  }
}
