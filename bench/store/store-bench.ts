import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanUp, progress, root, tempDir } from '../lib/bench-env.js';
import { row, type Row, type Section } from '../lib/report.js';
import { elapsedMs } from '../lib/stats.js';
import { type BenchAppend, benchAppends, toRawRows } from './bench-events.js';
import { RawTable } from './raw-sqlite.js';
import type { SqliteEventStore as Store } from '../../src/event-store/sqlite/sqlite-event-store.js';

type StoreModule = typeof import('../../src/event-store/sqlite/sqlite-event-store.js');

const APPENDS = 2000;
/** Store and floor take turns, so both see the same disk (fsync times drift on a shared VM). */
const ROUNDS = 4;
const STREAMS = 20;
const WRITERS = 50;

interface Mode {
  what: string;
  drive: (store: Store, appends: readonly BenchAppend[]) => Promise<void>;
  /** How the floor batches the same rows into transactions. */
  perCommit: number;
}

interface Run {
  storeMs: number;
  rawMs: number;
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

const perRound = APPENDS / ROUNDS;
const modes: Mode[] = [
  {
    what: `${perRound} submitted at once (group commit)`,
    drive: async (store, appends) => {
      await Promise.all(appends.map((a) => appendOne(store, a)));
    },
    perCommit: perRound,
  },
  {
    what: `${WRITERS} writers, each awaiting its append`,
    drive: async (store, appends) => {
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          for (let i = w; i < appends.length; i += WRITERS) await appendOne(store, appends[i]);
        }),
      );
    },
    perCommit: WRITERS,
  },
  {
    what: 'one at a time, each awaited',
    drive: async (store, appends) => {
      for (const a of appends) await appendOne(store, a);
    },
    perCommit: 1,
  },
];

async function measure(open: (file: string) => Store, dir: string, mode: Mode): Promise<Run> {
  const store = open(path.join(dir, `store-${mode.perCommit}.db`));
  const raw = new RawTable(path.join(dir, `raw-${mode.perCommit}.db`));
  try {
    const appends = benchAppends(APPENDS, STREAMS);
    const rows = toRawRows(benchAppends(APPENDS, STREAMS));
    const run: Run = { storeMs: 0, rawMs: 0, commits: 0 };
    for (let r = 0; r < ROUNDS; r++) {
      const start = process.hrtime.bigint();
      await mode.drive(store, appends.slice(r * perRound, (r + 1) * perRound));
      run.storeMs += elapsedMs(start);
      run.rawMs += raw.insert(rows.slice(r * perRound, (r + 1) * perRound), mode.perCommit);
    }
    const stats = store.stats();
    if (stats.events !== APPENDS) throw new Error(`stored ${stats.events} of ${APPENDS} events`);
    run.commits = stats.commits;
    return run;
  } finally {
    await store.close();
    raw.close();
  }
}

function modeRow(mode: Mode, run: Run): Row {
  const rate = (APPENDS * 1000) / run.storeMs;
  const floorRate = (APPENDS * 1000) / run.rawMs;
  const floorCommits = ROUNDS * Math.ceil(perRound / mode.perCommit);
  const what = `${mode.what} (${run.commits} commits; floor ${floorCommits})`;
  return row(what, rate, 'appends/s', floorRate, 0, 'inserts/s');
}

/** Bench 3: SqliteEventStore appends against raw better-sqlite3 inserts of the same rows. */
export async function storeBench(): Promise<Section> {
  const dir = tempDir();
  try {
    const SqliteEventStore = await loadStore();
    const open = (file: string) => SqliteEventStore.open(file);
    progress(`store: ${APPENDS} appends, three ways, each against its raw floor`);
    const rows: Row[] = [];
    for (const mode of modes) rows.push(modeRow(mode, await measure(open, dir, mode)));
    return {
      title: 'Event store (SqliteEventStore, process.hrtime)',
      setup: [
        `${APPENDS} single-event appends of a statement event (~0.5 kB) over ${STREAMS} streams, \`expectedRevision: 'any'\`, each mode on a fresh file, in ${ROUNDS} rounds of ${perRound}.`,
        'Floor: raw better-sqlite3, same table shape and indexes, WAL, synchronous = FULL, one prepared insert, the same rows in transactions of the size the mode implies; it takes turns with the store round by round.',
      ],
      rows,
      notes: [],
    };
  } finally {
    cleanUp(dir);
  }
}
