import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanUp, progress, root, tempDir } from '../lib/bench-env.js';
import { fmt, ratio, type Row, type Section } from '../lib/report.js';
import { elapsedMs } from '../lib/stats.js';
import { type BenchAppend, benchAppends, toRawRows } from './bench-events.js';
import { insertRaw } from './raw-sqlite.js';
import type { SqliteEventStore as Store } from '../../src/event-store/sqlite/sqlite-event-store.js';

type StoreModule = typeof import('../../src/event-store/sqlite/sqlite-event-store.js');

const APPENDS = 2000;
const STREAMS = 20;
const WRITERS = 50;

interface Run {
  ms: number;
  commits: number;
}

/** The compiled store from `npm run build`: the code the service runs. */
async function loadStore(): Promise<StoreModule['SqliteEventStore']> {
  const file = path.join(root, 'dist/event-store/sqlite/sqlite-event-store.js');
  const module = (await import(pathToFileURL(file).href)) as StoreModule;
  return module.SqliteEventStore;
}

const appendOne = (store: Store, { streamId, event }: BenchAppend) =>
  store.append(streamId, [event], { expectedRevision: 'any' });

/** Every append submitted at once; group commit batches them. */
async function allAtOnce(store: Store, appends: readonly BenchAppend[]): Promise<void> {
  await Promise.all(appends.map((a) => appendOne(store, a)));
}

/** `WRITERS` callers, each awaiting its append before the next (like HTTP connections). */
async function writers(store: Store, appends: readonly BenchAppend[]): Promise<void> {
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = w; i < appends.length; i += WRITERS) await appendOne(store, appends[i]);
    }),
  );
}

/** One append at a time, each awaited: one transaction and one fsync each. */
async function oneByOne(store: Store, appends: readonly BenchAppend[]): Promise<void> {
  for (const a of appends) await appendOne(store, a);
}

async function measure(
  open: (file: string) => Store,
  file: string,
  drive: (store: Store, appends: readonly BenchAppend[]) => Promise<void>,
): Promise<Run> {
  const store = open(file);
  try {
    const appends = benchAppends(APPENDS, STREAMS);
    const start = process.hrtime.bigint();
    await drive(store, appends);
    const ms = elapsedMs(start);
    const stats = store.stats();
    if (stats.events !== APPENDS) throw new Error(`stored ${stats.events} of ${APPENDS} events`);
    return { ms, commits: stats.commits };
  } finally {
    await store.close();
  }
}

function row(what: string, run: Run, floorMs: number, perCommit: number): Row {
  const floorCommits = Math.ceil(APPENDS / perCommit);
  const rate = (APPENDS * 1000) / run.ms;
  const floorRate = (APPENDS * 1000) / floorMs;
  return {
    what: `${what} (${run.commits} commits; floor ${floorCommits})`,
    figure: fmt(rate, 'appends/s', 0),
    baseline: fmt(floorRate, 'inserts/s', 0),
    ratio: ratio(rate, floorRate),
  };
}

/** Bench 3: SqliteEventStore appends against raw better-sqlite3 inserts of the same rows. */
export async function storeBench(): Promise<Section> {
  const dir = tempDir();
  try {
    const SqliteEventStore = await loadStore();
    const open = (file: string) => SqliteEventStore.open(file);
    const file = (name: string) => path.join(dir, `${name}.db`);
    const rows = toRawRows(benchAppends(APPENDS, STREAMS));

    progress(`store: ${APPENDS} appends, three ways, and the raw floors`);
    const batched = await measure(open, file('all-at-once'), allAtOnce);
    const rawBatched = insertRaw(file('raw-one-tx'), rows, APPENDS);
    const concurrent = await measure(open, file('writers'), writers);
    const rawConcurrent = insertRaw(file('raw-per-writer-round'), rows, WRITERS);
    const sequential = await measure(open, file('one-by-one'), oneByOne);
    const rawSequential = insertRaw(file('raw-per-insert'), rows, 1);

    return {
      title: 'Event store (SqliteEventStore, process.hrtime)',
      setup: [
        `${APPENDS} single-event appends of a statement event (~0.5 kB) over ${STREAMS} streams, \`expectedRevision: 'any'\`, each mode on a fresh file.`,
        'Floor: raw better-sqlite3, same table shape and indexes, WAL, synchronous = FULL, prepared insert, batched into transactions as the store batched them.',
      ],
      rows: [
        row('all submitted at once (group commit)', batched, rawBatched, APPENDS),
        row(`${WRITERS} writers, each awaiting its append`, concurrent, rawConcurrent, WRITERS),
        row('one at a time, each awaited', sequential, rawSequential, 1),
      ],
      notes: [
        `Raw floor, rows per commit: ${APPENDS} / ${WRITERS} / 1; at one commit per row it does ${fmt((APPENDS * 1000) / rawSequential, 'fsynced commits/s', 0)}.`,
      ],
    };
  } finally {
    cleanUp(dir);
  }
}
