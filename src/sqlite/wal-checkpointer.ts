import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { SQLITE_DRIVER } from './open-sqlite.js';

/**
 * The most the WAL may hold before the writing connection checkpoints on its own (32 MiB: 2,048
 * pages of 16 KiB). The worker keeps it far below that; this is the bound when it cannot.
 */
export const WAL_LIMIT_BYTES = 32 * 1024 * 1024;

/** SQLite's own `wal_autocheckpoint`, restored if the worker dies. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * The worker's code, as a CommonJS script (`eval`): the worker must load without the build, under
 * Jest's TypeScript transform as from dist/. Its own connection to the same file checkpoints on
 * each request: PASSIVE never blocks the writer nor waits for readers; when the WAL has reached
 * the limit anyway (readers kept it from restarting), one RESTART tries to make the next write
 * start the WAL from its beginning. It never waits (busy_timeout 0): a RESTART waiting on a
 * writer that commits back to back (a catch-up) held SQLite's checkpoint lock meanwhile, so the
 * writer's own checkpoint at the limit failed on every commit and the WAL grew past it (32 MB in
 * a unit test's 12 MB burst, with a 1 MB limit); and once it had the write lock, the event loop's
 * next commit would have waited for it. An error ends the worker, and the owner falls back.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
  if (log >= workerData.limitFrames) db.pragma('wal_checkpoint(RESTART)');
  parentPort.postMessage('done');
});
`;

const driverPath = createRequire(import.meta.url).resolve(SQLITE_DRIVER);

/**
 * Runs a SQLite file's WAL checkpoints on a worker thread, so the connection that writes at rate
 * never copies pages into the database file inside a COMMIT on the event loop. SQLite's
 * auto-checkpoint does exactly that every 1,000 pages: a 4-16 MB copy and an fsync of the file,
 * 10-35 ms, which held up every write and feed delivery behind it (the live feed's slow 1 %).
 *
 * Safe as SQLite's own: the WAL is durable (a commit's fsync is of the WAL, unchanged) and a
 * checkpoint only copies committed pages, so a crash at any point loses nothing. Bounded: the
 * writer keeps an auto-checkpoint at WAL_LIMIT_BYTES (the worker has fallen behind, or writes
 * came without a `committed()`), the worker restarts the WAL at that size, and
 * `journal_size_limit` truncates a WAL file that grew past it.
 */
export class WalCheckpointer {
  private inFlight = false;
  private again = false;
  private closing = false;
  private alive = true;
  private idleWaiters: (() => void)[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    private readonly db: Database.Database,
    private readonly worker: Worker,
  ) {
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.alive = false;
        if (!this.closing) this.fallBack();
        this.inFlight = this.again = false;
        this.wakeIdle();
        resolve();
      }),
    );
    worker.on('message', () => this.settled());
    // the error also ends the worker: its exit restores SQLite's own checkpoints
    worker.on('error', () => undefined);
    // a store left open must not keep the process alive (close() holds it while it stops)
    worker.unref();
  }

  /** Takes over the checkpoints of `db`'s file (none for an in-memory database). */
  static start(db: Database.Database, limitBytes = WAL_LIMIT_BYTES): WalCheckpointer | undefined {
    if (db.memory) return undefined;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const limitFrames = Math.max(1, Math.ceil(limitBytes / pageSize));
    db.pragma(`wal_autocheckpoint = ${limitFrames}`);
    db.pragma(`journal_size_limit = ${limitBytes}`);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: driverPath, file: db.name, limitFrames },
    });
    return new WalCheckpointer(db, worker);
  }

  /** Whether the worker thread is running (false once closed, or after it failed). */
  get running(): boolean {
    return this.alive;
  }

  /**
   * A transaction committed: the worker checkpoints what the WAL holds. One request at a time,
   * and commits that arrive meanwhile make one more, so a checkpoint never queues behind many.
   */
  committed(): void {
    if (!this.alive || this.closing) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.worker.postMessage('checkpoint');
  }

  /** Resolves once no checkpoint is in flight or asked for (every commit so far is copied). */
  idle(): Promise<void> {
    if (!this.inFlight) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the worker after its checkpoint in flight; the owner closes its connection after. */
  async close(): Promise<void> {
    if (this.closing) return this.exited;
    this.closing = true;
    if (this.alive) {
      this.worker.ref();
      this.worker.postMessage('close');
    }
    await this.exited;
  }

  private settled(): void {
    this.inFlight = false;
    if (this.again) {
      this.again = false;
      this.committed();
    }
    if (!this.inFlight) this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Without the worker, the writing connection checkpoints as SQLite does by default. */
  private fallBack(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  }
}
