// Boots the built service (node dist/main.js) on a fresh SQLite store with the demo story, loads
// it in bursts with idle gaps for a while, and checks it is still alive and answering at the end.
// better-sqlite3 < 13 on Node >= 24.19 aborts when a garbage collection finalises a Statement from
// a task between JavaScript turns; a start-only test can pass by luck, so this runs long enough
// for many collections (counted with --trace-gc; a 1 MB young generation makes them frequent),
// with the event loop going idle between bursts.
// Usage: node scripts/ci/soak.mjs [--seconds 40]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const { fetch } = globalThis;
const DEMO = 'at-tanf-2017-05-18';
const SOAK = 'ci-soak';
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 40;
const MIN_SCAVENGES = 20;
const MIN_MARK_COMPACTS = 1;

const dir = mkdtempSync(join(tmpdir(), 'storyline-soak-'));
const token = randomBytes(24).toString('hex');
const child = spawn(process.execPath, ['--trace-gc', '--max-semi-space-size=1', 'dist/main.js'], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    STORYLINE_STORE: `sqlite:${join(dir, 'storyline.db')}`,
    STORYLINE_TOKENS: `soak:admin:${token}`,
    STORYLINE_DEMO: 'true',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});

const tail = [];
const remember = (line) => {
  tail.push(line);
  if (tail.length > 40) tail.shift();
};
const gcs = { scavenge: 0, markCompact: 0 };
let demoLoaded = false;
const exited = new Promise((resolve) =>
  child.once('exit', (code, signal) => resolve({ code, signal })),
);
let exit;
void exited.then((result) => (exit = result));
const listening = new Promise((resolve) => {
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.includes('Scavenge')) gcs.scavenge += 1;
    else if (line.includes('Mark-Compact')) gcs.markCompact += 1;
    else remember(line);
    if (!line.startsWith('{')) return;
    const entry = JSON.parse(line);
    if (entry.msg === 'demo story loaded') demoLoaded = true;
    if (entry.msg === 'storyline listening') resolve(entry.url);
  });
});
createInterface({ input: child.stderr }).on('line', remember);

function fail(message) {
  process.stderr.write(
    `soak: FAILED: ${message}\n--- last service output ---\n${tail.join('\n')}\n`,
  );
  if (exit === undefined) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}

async function call(url, path, body) {
  const res = await fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

const started = await Promise.race([
  listening,
  exited.then(() => undefined),
  sleep(60_000, null, { ref: false }),
]);
if (started === undefined) fail(`the service exited at start (${JSON.stringify(exit)})`);
if (started === null) fail('the service did not start within 60 s');
const url = started;
if (!demoLoaded) fail('the demo story was not loaded before the service listened');
if ((await call(url, '/incidents', { incidentId: SOAK, title: 'CI soak' })) !== 201)
  fail('could not open the soak incident');

const reads = [
  '/incidents',
  `/incidents/${DEMO}`,
  `/incidents/${DEMO}/timeline`,
  `/incidents/${DEMO}?revision=3`,
  '/events',
  '/health',
];
const deadline = Date.now() + seconds * 1000;
let writes = 0;
let rounds = 0;
while (Date.now() < deadline) {
  const statuses = await Promise.all([
    ...reads.flatMap((path) => [call(url, path), call(url, path)]),
    call(url, `/incidents/${SOAK}/statements`, {
      text: `Soak update ${writes + 1}`,
      attribution: [{ name: 'Reuters', kind: 'wire' }],
      reportedAt: new Date().toISOString(),
    }),
  ]).catch((error) => fail(`a request failed: ${String(error)}`));
  const wrong = statuses.filter((status) => status !== 200 && status !== 201);
  if (wrong.length > 0) fail(`round ${rounds}: statuses ${statuses.join(',')}`);
  writes += 1;
  rounds += 1;
  if (exit !== undefined) break;
  // idle gaps: collections and their finalisers also run from tasks between JavaScript turns
  await sleep(rounds % 10 === 0 ? 1000 : 50);
}

if (exit !== undefined)
  fail(`the service died during the soak (code ${exit.code}, signal ${exit.signal})`);
if ((await call(url, '/health')) !== 200) fail('/health did not answer 200 at the end');
const view = await (await fetch(`${url}/incidents/${SOAK}`)).json();
if (view.revision !== writes)
  fail(`the soak incident is at revision ${view.revision}, expected ${writes}`);
if (gcs.scavenge < MIN_SCAVENGES || gcs.markCompact < MIN_MARK_COMPACTS)
  fail(`too few collections to prove anything: ${JSON.stringify(gcs)}`);

child.kill('SIGTERM');
const { code, signal } = await exited;
rmSync(dir, { recursive: true, force: true });
if (code !== 0) fail(`SIGTERM ended the service with code ${code}, signal ${signal}`);
console.log(
  `soak: ok on Node ${process.versions.node}: ${rounds} rounds in ${seconds} s, ${writes} writes, ` +
    `${gcs.scavenge} scavenges and ${gcs.markCompact} mark-compacts, alive and answering, clean stop`,
);
