import path from 'node:path';
import type Database from 'better-sqlite3';
import { isSqliteError } from '../../sqlite/open-sqlite.js';
import { WalCheckpointer } from '../../sqlite/wal-checkpointer.js';
import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  IdempotencyMismatch,
  InvalidStoreArgument,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  StoreUnavailable,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevision,
} from '../event-store.js';
import { EventTable, toPosition } from './event-table.js';
import { GroupCommit, type Outcome } from './group-commit.js';
import { InlineCatchUp, type InlineProjection } from './inline-catch-up.js';
import { type CommittedEvents, LocalSubscribers, scopeReader } from './local-subscribers.js';
import { RecentCommit } from './recent-commit.js';
import { type AppendRequest, applyAppend, toAppendRequest } from './sqlite-append.js';
import { openDatabase } from './sqlite-schema.js';
import { WakeSignal } from '../wake-signal.js';

export type { InlineProjection } from './inline-catch-up.js';

/** Counters that show group commit at work: appends per committed transaction. */
export interface SqliteStoreStats {
  /** Transactions committed for appends. */
  commits: number;
  /** Appends acknowledged (successes, retries and conflicts alike). */
  appends: number;
  /** Events written. */
  events: number;
}

const isAppendRefusal = (error: unknown) =>
  error instanceof WrongExpectedRevision || error instanceof IdempotencyMismatch;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The embedded EventStore: one SQLite file in WAL mode, durable on acknowledgement. */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly table: EventTable;
  private readonly signal = new WakeSignal();
  private readonly subscribers = new LocalSubscribers(this.signal);
  private readonly writer: GroupCommit<AppendRequest, AppendResult>;
  private readonly counters: SqliteStoreStats = { commits: 0, appends: 0, events: 0 };
  private readonly commitBatch: (requests: readonly AppendRequest[]) => Outcome<AppendResult>[];
  private closed = false;
  private inline: InlineProjection | undefined;
  /** What the inline projection's apply returned in the transaction being committed. */
  private inlineCommitted: string | undefined;
  /** What the transaction being committed inserted: for subscribers and the read-back. */
  private inserted: CommittedEvents | undefined;
  private readonly inlineCatchUp: InlineCatchUp;
  private readonly recent: RecentCommit;

  private constructor(
    private readonly db: Database.Database,
    /** Checkpoints the file off the event loop (a file on disk only). */
    private readonly checkpointer: WalCheckpointer | undefined,
  ) {
    this.table = new EventTable(db);
    this.inlineCatchUp = new InlineCatchUp(db, this.table);
    this.recent = new RecentCommit(db);
    // each append runs in a savepoint: its refusal undoes only its own writes
    const appendOne = db.transaction((request: AppendRequest, inserted?: StoredEvent[]) =>
      applyAppend(this.table, request, inserted),
    );
    const project = db.transaction((projection: InlineProjection, events: readonly StoredEvent[]) =>
      projection.apply(events),
    );
    const batch = db.transaction((requests: readonly AppendRequest[]) => {
      const projection =
        this.inline && this.inlineCatchUp.caughtUp(this.inline) ? this.inline : undefined;
      const inserted: StoredEvent[] = [];
      // the head before this batch: a subscriber holding the log up to it can take the batch
      const before = this.subscribers.size > 0 ? this.table.head().toString() : undefined;
      this.inserted = { before, events: inserted };
      const outcomes = requests.map((request): Outcome<AppendResult> => {
        try {
          return { ok: true, value: appendOne(request, inserted) };
        } catch (error) {
          if (isAppendRefusal(error)) return { ok: false, error };
          throw error;
        }
      });
      if (projection && inserted.length > 0) {
        try {
          this.inlineCommitted = project(projection, inserted);
        } catch {
          // its savepoint is rolled back; the projection applies these events on its own round
          this.inlineCommitted = undefined;
        }
      }
      return outcomes;
    });
    // IMMEDIATE: take the write lock at BEGIN, so a batch never fails half-way on a busy lock
    this.commitBatch = (requests) => {
      // A batch nested in a transaction left open by a failed rollback would only be a savepoint,
      // acknowledged without a commit: end that transaction first, or refuse.
      if (db.inTransaction) db.exec('ROLLBACK');
      this.inlineCommitted = undefined;
      this.inserted = undefined;
      return batch.immediate(requests);
    };
    this.writer = new GroupCommit((requests) => this.commit(requests));
  }

  /** Opens the store in `file`, creating the file, its directory and the schema if needed. */
  static open(file: string): SqliteEventStore {
    const db = openDatabase(file);
    try {
      return new SqliteEventStore(db, WalCheckpointer.start(db));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  stats(): SqliteStoreStats {
    return { ...this.counters };
  }

  /** The store's file, resolved (':memory:' for an in-memory store). */
  file(): string {
    return this.db.memory ? ':memory:' : path.resolve(this.db.name);
  }

  /** The store's own connection, for a read model kept in the same file (see `project`). */
  connection(): Database.Database {
    return this.db;
  }

  /**
   * A transaction of another part on `connection()` committed (a shared read model's catch-up
   * batch): its WAL frames are checkpointed on the worker as an append's are. Without this the
   * WAL fills to its limit and SQLite's auto-checkpoint copies it inside that part's COMMIT, on
   * the event loop.
   */
  committedOnConnection(): void {
    this.checkpointer?.committed();
  }

  /** Keeps `projection` in every append's transaction from now on (one at most). */
  project(projection: InlineProjection): void {
    this.inline = projection;
    this.inlineCatchUp.forget();
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.ensureOpen();
    return this.writer.submit(toAppendRequest(streamId, events, options));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.read(() => {
      const { from, direction = 'forwards', limit } = options;
      if (from !== undefined && !isCount(from)) throw new InvalidStoreArgument('from: a revision');
      if (limit !== undefined && !isCount(limit)) throw new InvalidStoreArgument('limit: a count');
      const backwards = direction === 'backwards';
      // what the write path just appended is read back without a query (recent-commit.ts)
      const recent =
        backwards || from === undefined
          ? undefined
          : this.recent.readForwards(streamId, from, limit);
      return recent ?? this.table.readStream(streamId, from, backwards, limit);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.read(() => {
      const { after = '0', limit = 1000 } = options;
      if (!isCount(limit)) throw new InvalidStoreArgument('limit: a count');
      return this.table.readAll(toPosition(after), limit);
    });
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.ensureOpen();
    const { after, streamId, streamPrefix } = options;
    toPosition(after);
    if (streamId !== undefined && streamPrefix !== undefined)
      throw new InvalidStoreArgument('subscribe to a streamId or a streamPrefix, not both');
    const read = scopeReader(this.table, { streamId, streamPrefix });
    return this.subscribers.open(after, { streamId, streamPrefix }, (from, limit) =>
      this.guard(() => read(BigInt(from), limit)),
    );
  }

  head(): Promise<string> {
    return this.read(() => this.table.head().toString());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // appends already accepted are committed, not dropped
    this.writer.flush();
    this.closed = true;
    await Promise.all(this.subscribers.all().map((subscription) => subscription.close()));
    await this.checkpointer?.close();
    this.db.close();
  }

  private commit(requests: readonly AppendRequest[]): Outcome<AppendResult>[] {
    let outcomes: Outcome<AppendResult>[];
    try {
      outcomes = this.guard(() => this.commitBatch(requests));
    } catch (error) {
      this.inlineCatchUp.forget();
      this.recent.forget();
      this.inserted = undefined;
      throw error;
    }
    const inserted = this.inserted;
    this.inserted = undefined;
    if (inserted) this.recent.remember(inserted.events);
    else this.recent.forget();
    const checkpoint = this.inlineCommitted;
    this.inlineCommitted = undefined;
    this.noteInline(checkpoint, outcomes);
    this.checkpointer?.committed();
    this.counters.commits += 1;
    this.counters.appends += requests.length;
    requests.forEach((request, i) => {
      if (outcomes[i].ok) this.counters.events += request.events.length;
    });
    this.subscribers.committed(inserted);
    return outcomes;
  }

  /** After a commit: the inline projection hears of what it applied, and the catch-up of both. */
  private noteInline(checkpoint: string | undefined, outcomes: Outcome<AppendResult>[]): void {
    const projection = this.inline;
    if (!projection) return;
    if (checkpoint !== undefined) projection.committed(checkpoint);
    // an acknowledged append without the projection may have inserted events it has not applied
    this.inlineCatchUp.committed(
      projection,
      checkpoint,
      outcomes.some((outcome) => outcome.ok),
    );
  }

  /** A synchronous read as a promise: its errors reject rather than throw. */
  private read<T>(step: () => T): Promise<T> {
    return new Promise<T>((resolve) => resolve(this.guard(step)));
  }

  private ensureOpen(): void {
    if (this.closed || !this.db.open)
      throw new StoreUnavailable('the SQLite event store is closed');
  }

  /** Runs a database step; a failing database surfaces as StoreUnavailable (a 503). */
  private guard<T>(step: () => T): T {
    this.ensureOpen();
    try {
      return step();
    } catch (error) {
      if (isSqliteError(error) || !this.db.open)
        throw new StoreUnavailable(`the SQLite event store failed: ${String(error)}`, {
          cause: error,
        });
      throw error;
    }
  }
}
