import path from 'node:path';
import type { Options } from 'autocannon';
import {
  benchScript,
  cleanUp,
  progress,
  settings,
  statementBody,
  tempDir,
} from '../lib/bench-env.js';
import { row, type Row, type Section } from '../lib/report.js';
import { startStoryline } from '../lib/storyline-service.js';
import { startTimed } from '../lib/timed-process.js';
import { cannon, type Load } from '../http/cannon.js';
import { serviceCommand } from '../lib/service-node-flags.js';

const HOT = { connections: 10, incidents: ['hot-0'] };
const SPREAD = {
  connections: 50,
  incidents: Array.from({ length: 20 }, (_, i) => `spread-${i}`),
};
const WARM_UP_SECONDS = 1;

interface Phases {
  hot: Load;
  spread: Load;
}

function phase(url: string, token: string, plan: typeof HOT, seconds: number): Promise<Load> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const body = JSON.stringify(
    statementBody('A US official told Reuters the convoy ignored warnings to turn back.'),
  );
  const options: Options = {
    url,
    connections: plan.connections,
    duration: seconds,
    requests: plan.incidents.map((id) => ({
      method: 'POST',
      path: `/incidents/${id}/statements`,
      headers,
      body,
    })),
  };
  return cannon(options);
}

async function load(url: string, token: string, seconds: number): Promise<Phases> {
  await phase(url, token, HOT, WARM_UP_SECONDS);
  const hot = await phase(url, token, HOT, seconds);
  await phase(url, token, SPREAD, WARM_UP_SECONDS);
  const spread = await phase(url, token, SPREAD, seconds);
  return { hot, spread };
}

function rows(label: string, service: Load, raw: Load): Row[] {
  return [
    row(`${label}: requests/s`, service.rate, 'req/s', raw.rate, 0),
    row(`${label}: p50 latency`, service.latency.p50, 'ms', raw.latency.p50, 2),
    row(`${label}: p99 latency`, service.latency.p99, 'ms', raw.latency.p99, 2),
  ];
}

function failures(name: string, phase: Load): string[] {
  return phase.failed === 0 ? [] : [`${name}: ${phase.failed} failed requests`];
}

/** Hot incident: many connections writing to ONE incident, against one fsync per request. */
export async function hotBench(): Promise<Section> {
  const dir = tempDir();
  const seconds = settings.seconds;
  try {
    progress(`hot: storyline, ${seconds} s per phase`);
    const service = await startStoryline(dir);
    for (const incidentId of [...HOT.incidents, ...SPREAD.incidents])
      await service.write('/incidents', { incidentId, title: 'Hot bench' });
    const measured = await load(service.url, service.token, seconds);
    await service.stop();

    progress('hot: raw node:http + better-sqlite3 baseline');
    const raw = await startTimed(benchScript('http/raw-sqlite-server.js'), {
      RAW_DB: path.join(dir, 'raw.db'),
    });
    const baseline = await load(raw.url, service.token, seconds);
    await raw.stop();

    return {
      title: 'Hot incident (autocannon)',
      setup: [
        `POST /incidents/:id/statements for ${seconds} s per phase after a ${WARM_UP_SECONDS} s warm-up; storyline = \`${serviceCommand()}\` on a fresh SQLite store (synchronous = FULL), request log on, the bench token's write limit raised out of the way (\`STORYLINE_WRITE_RATE=1000000\`).`,
        `One incident: ${HOT.connections} connections, all to one incident. Spread: ${SPREAD.connections} connections over ${SPREAD.incidents.length} incidents.`,
        'Each storyline 201 comes after its commit is fsynced and the read model has applied it.',
        'Raw baseline: `node:http` + better-sqlite3 in a child process (WAL, synchronous = FULL), one transaction (read the stream revision, insert the event) and one fsync per request.',
      ],
      rows: [
        ...rows('one incident, 10 connections', measured.hot, baseline.hot),
        ...rows('20 incidents, 50 connections', measured.spread, baseline.spread),
      ],
      notes: [
        `storyline responses per second (one incident): ${measured.hot.perSecond.join(', ')}.`,
        ...failures('storyline one incident', measured.hot),
        ...failures('storyline 20 incidents', measured.spread),
        ...failures('raw one incident', baseline.hot),
        ...failures('raw 20 incidents', baseline.spread),
      ],
    };
  } finally {
    cleanUp(dir);
  }
}
