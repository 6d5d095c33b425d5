import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { feedBench } from './feed/feed-bench.js';
import { httpBench } from './http/http-bench.js';
import { hotBench } from './hot/hot-bench.js';
import { liveBench } from './live/live-bench.js';
import { memoryBench } from './live/memory-bench.js';
import { progress, root, settings } from './lib/bench-env.js';
import { type Figure, figuresOf, renderSection, type Section } from './lib/report.js';
import { stopStragglers } from './lib/timed-process.js';
import { scaleBench } from './scale/scale-bench.js';
import { scaleOutBench } from './scale-out/scale-out-bench.js';
import { storeBench } from './store/store-bench.js';

// `npm run bench` runs every bench and writes bench/results/latest.{md,json}; `-- hot scale`
// picks some (printed, not written); `--seconds N` sets each load phase's length (default 10).
const benches: Record<string, () => Promise<Section>> = {
  http: httpBench,
  hot: hotBench,
  feed: feedBench,
  live: liveBench,
  store: storeBench,
  scale: scaleBench,
  memory: memoryBench,
};
/** Run only when named: `scale-out` starts its own PostgreSQL cluster (`npm run bench -- scale-out`). */
const namedOnly: Record<string, () => Promise<Section>> = { 'scale-out': scaleOutBench };
const every = { ...benches, ...namedOnly };

/** What ran the bench: written into latest.json and, as lines, latest.md. */
function about() {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    // not a git checkout: the figures still stand, without a commit
  }
  return {
    when: new Date().toISOString(),
    commit,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown CPU',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage1m: os.loadavg()[0],
  };
}

const machine = about();

function machineLines(): string[] {
  const m = machine;
  return [
    `- when: ${m.when}, commit ${m.commit}`,
    `- machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB RAM, ${m.os}`,
    `- Node ${m.node}; the bench and the server under test share the machine; 1-minute load average ${m.loadAverage1m.toFixed(1)} at the start`,
  ];
}

/** The 1-minute load average: other work on the machine skews every figure. */
function load(): string {
  return os.loadavg()[0].toFixed(1);
}

const { values, positionals: picked } = parseArgs({
  options: { seconds: { type: 'string' }, sizes: { type: 'string' } },
  allowPositionals: true,
});
if (values.seconds !== undefined) {
  const seconds = Number(values.seconds);
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    process.stderr.write('--seconds takes a whole number of seconds, at least 1\n');
    process.exit(2);
  }
  settings.seconds = seconds;
}
if (values.sizes !== undefined) {
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isSafeInteger(size) || size < 2)) {
    process.stderr.write('--sizes takes event counts separated by commas, each at least 2\n');
    process.exit(2);
  }
  settings.sizes = sizes;
}
const unknown = picked.filter((name) => !(name in every));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown bench: ${unknown.join(', ')} (known: ${Object.keys(every).join(', ')})\n`,
  );
  process.exit(2);
}
const names = picked.length > 0 ? picked : Object.keys(benches);

const parts = ['## Benchmark results', '', ...machineLines(), ''];
const figures: Figure[] = [];
process.stdout.write(`${parts.join('\n')}\n`);
for (const name of names) {
  const started = process.hrtime.bigint();
  const before = load();
  // a failing section is reported and the run goes on, so the others still count
  const section = await every[name]()
    .catch((error: unknown): Section => ({
      title: `${name} (failed)`,
      setup: [],
      rows: [],
      notes: [
        `The ${name} bench failed: ${error instanceof Error ? error.message : String(error)}`,
      ],
    }))
    .finally(stopStragglers);
  const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
  section.notes.push(`Took ${seconds} s; 1-minute load average ${before} before, ${load()} after.`);
  const text = renderSection(section);
  figures.push(...figuresOf(section));
  progress(`${name} took ${seconds} s`);
  process.stdout.write(`${text}\n`);
  parts.push(text);
}

if (picked.length === 0) {
  const file = path.join(root, 'bench/results/latest.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${parts.join('\n')}\n`);
  const json = path.join(root, 'bench/results/latest.json');
  fs.writeFileSync(json, `${JSON.stringify({ machine, figures }, null, 2)}\n`);
  progress(`results written to ${path.relative(root, file)} and ${path.relative(root, json)}`);
}
