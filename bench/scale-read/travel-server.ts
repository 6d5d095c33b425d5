/**
 * The scale section's time-travel asks alone, against a server started by hand (so it can run
 * under --cpu-prof): builds the scale story once into `--story <file>` (kept for the next run),
 * copies it to a fresh directory (empty read model: the service catches up first, as in the
 * bench), then times the current view and the first and repeated asOf / revision / reportedBy.
 * Catch-up as the bench counts it (events/s from the first poll at a tenth of the story to the
 * end) and the server's main-thread CPU over the same window.
 * Run: `node bench/scale-read/run.mjs --entry travel-server 100000 --story /tmp/story.db
 * [--main dist/main.js] [--node-arg=--cpu-prof ...]`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { medianGet, timedGet } from '../lib/timed-get.js';
import { buildStory, type Story } from '../scale/scale-story.js';
import { travelGets } from '../scale/travel-get.js';
import { mainThreadCpuMs } from './thread-cpu.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    story: { type: 'string' },
    main: { type: 'string' },
    'node-arg': { type: 'string', multiple: true },
    keep: { type: 'boolean' },
  },
});
const size = Number(positionals[0] ?? 100000);
if (!Number.isSafeInteger(size) || size <= 0)
  throw new Error(`not a story size: ${positionals[0]}`);
const storyFile = values.story ?? join(tmpdir(), `travel-story-${size}.db`);
const main = resolve(values.main ?? 'dist/main.js');
const nodeArgs = values['node-arg'] ?? [];

async function story(): Promise<Story> {
  const about = `${storyFile}.json`;
  if (existsSync(about)) return JSON.parse(readFileSync(about, 'utf8')) as Story;
  const built = await buildStory(storyFile, `scale-${size}`, size);
  writeFileSync(about, JSON.stringify(built));
  return built;
}

async function start(dir: string) {
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      STORYLINE_STORE: `sqlite:${join(dir, 'storyline.db')}`,
      STORYLINE_DEMO: 'false',
      STORYLINE_TOKENS: `bench:admin:${randomBytes(16).toString('hex')}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (text) => {
      const match = /"url":"([^"]+)"/.exec(text);
      if (match) resolve(match[1]);
    });
  });
  return { url, child };
}

const s = await story();
const dir = mkdtempSync(join(tmpdir(), 'travel-server-'));
copyFileSync(storyFile, join(dir, 'storyline.db'));
const { url, child } = await start(dir);
try {
  const view = `${url}/incidents/${s.incidentId}`;
  const latest = `${view}/timeline?order=desc&limit=1`;
  const begun = process.hrtime.bigint();
  let tenth: { at: bigint; revision: number; cpuMs: number | null } | undefined;
  let caughtUp: { rate: number | null; mainCpuMs: number | null };
  for (;;) {
    const answer = await timedGet(latest);
    const at = process.hrtime.bigint();
    const items =
      answer.status === 200
        ? (JSON.parse(answer.body.toString()) as { items: { revision: number }[] }).items
        : [];
    const revision = items[0]?.revision ?? -1;
    if (revision >= s.events - 1) {
      const cpuMs = mainThreadCpuMs(child.pid ?? 0);
      caughtUp = {
        rate: tenth ? ((revision - tenth.revision) * 1e9) / Number(at - tenth.at) : null,
        mainCpuMs: tenth?.cpuMs != null && cpuMs !== null ? cpuMs - tenth.cpuMs : null,
      };
      break;
    }
    if (!tenth && revision >= s.events / 10)
      tenth = { at, revision, cpuMs: mainThreadCpuMs(child.pid ?? 0) };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const catchUpMs = Number(process.hrtime.bigint() - begun) / 1e6;
  const plain = await medianGet(view, 5);
  const gzip = await medianGet(view, 5, { 'accept-encoding': 'gzip, br' });
  // each first ask's window on the monotonic clock, in µs (as a --cpu-prof profile's timestamps)
  const windows: Record<string, [number, number]> = {};
  const timedGets = async (name: string, at: string) => {
    const from = Number(process.hrtime.bigint() / 1000n);
    const gets = await travelGets(at, 0);
    windows[name] = [from, Number(process.hrtime.bigint() / 1000n)];
    const again = await travelGets(at, 5);
    return { ...gets, medianMs: again.medianMs };
  };
  const asOf = await timedGets('asOf', `${view}?asOf=${s.midRecordedAt}`);
  const revision = await timedGets('revision', `${view}?revision=${s.midRevision + 1}`);
  const reportedBy = await timedGets('reportedBy', `${view}?reportedBy=${s.midReportedAt}`);
  const r = (ms: number) => Math.round(ms * 10) / 10;
  console.log(
    JSON.stringify({
      catchUpMs: Math.round(catchUpMs),
      catchUpRate: caughtUp.rate === null ? null : Math.round(caughtUp.rate),
      catchUpMainCpuMs: caughtUp.mainCpuMs,
      viewMs: r(plain.ms),
      gzipMs: r(gzip.ms),
      asOf: [r(asOf.firstMs), r(asOf.medianMs), asOf.bytes],
      revision: [r(revision.firstMs), r(revision.medianMs), revision.bytes],
      reportedBy: [r(reportedBy.firstMs), r(reportedBy.medianMs), reportedBy.bytes],
      windows,
    }),
  );
} finally {
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  // --keep: leave the caught-up files (e.g. for EXPLAIN QUERY PLAN)
  if (values.keep) console.log(JSON.stringify({ kept: dir }));
  else rmSync(dir, { recursive: true, force: true });
}
