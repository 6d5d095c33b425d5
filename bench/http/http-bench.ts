import path from 'node:path';
import { benchScript, cleanUp, progress, statementBody, tempDir } from '../lib/bench-env.js';
import { fmt, row, type Row, type Section } from '../lib/report.js';
import { startStoryline } from '../lib/storyline-service.js';
import { startTimed } from '../lib/timed-process.js';
import { benchAppends, toRawRows } from '../store/bench-events.js';
import { fsyncedCommitRate } from '../store/raw-sqlite.js';
import { BIG_CLAIMS, bigViewLoad, rawBigViewEnv, seedBigView } from './big-view.js';
import { cannon, type Load } from './cannon.js';
import { serviceCommand } from '../lib/service-node-flags.js';

const CONNECTIONS = 10;
const SECONDS = 10;
const WARM_UP_SECONDS = 1;
const WRITE_INCIDENTS = ['bench-w-0', 'bench-w-1', 'bench-w-2', 'bench-w-3'];
const READ_INCIDENT = 'bench-read';
const READ_CLAIMS = 20;
const FLOOR_COMMITS = 500;
/** Each GET phase of the big view (plain, then compressed), after the same warm-up. */
const BIG_SECONDS = 5;

interface Phases {
  post: Load;
  get: Load;
}

/** POSTs statements round-robin to the write incidents, then GETs the read incident's view. */
async function load(url: string, token: string, seconds: number): Promise<Phases> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const body = JSON.stringify(
    statementBody('A US official told Reuters the convoy ignored warnings to turn back.'),
  );
  const post = await cannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: WRITE_INCIDENTS.map((id) => ({
      method: 'POST',
      path: `/incidents/${id}/statements`,
      headers,
      body,
    })),
  });
  const get = await cannon({
    url: `${url}/incidents/${READ_INCIDENT}`,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return { post, get };
}

function rows(label: string, service: Load, raw: Load): Row[] {
  return [
    row(`${label}: requests/s`, service.rate, 'req/s', raw.rate, 0),
    ...(['p50', 'p99'] as const).map((p) =>
      row(`${label}: ${p} latency`, service.latency[p], 'ms', raw.latency[p], 2),
    ),
  ];
}

function failures(name: string, phase: Load): string[] {
  return phase.failed === 0
    ? []
    : [`${name}: ${phase.failed} failed requests (non-2xx, errors or timeouts)`];
}

/** Bench 1: the real service over HTTP against a raw node:http server, same bodies. */
export async function httpBench(): Promise<Section> {
  const dir = tempDir();
  try {
    // fsync times drift on a shared machine: the floor is measured before and after the service
    const floorRows = toRawRows(benchAppends(FLOOR_COMMITS, WRITE_INCIDENTS.length));
    const floorBefore = fsyncedCommitRate(path.join(dir, 'floor-before.db'), floorRows);
    progress('http: starting storyline');
    const service = await startStoryline(dir);
    await service.write('/incidents', { incidentId: READ_INCIDENT, title: 'Read bench' });
    for (let i = 0; i < READ_CLAIMS; i++)
      await service.write(
        `/incidents/${READ_INCIDENT}/statements`,
        statementBody(`Read bench statement ${i}: casualties were reported near the garrison.`),
      );
    for (const incidentId of WRITE_INCIDENTS)
      await service.write('/incidents', { incidentId, title: 'Write bench' });
    const postAnswer = JSON.stringify(
      await service.write(`/incidents/${WRITE_INCIDENTS[0]}/statements`, statementBody('seed')),
    );
    const view = await (await fetch(`${service.url}/incidents/${READ_INCIDENT}`)).text();
    progress(`http: writing a ${BIG_CLAIMS}-claim incident`);
    const bigView = await seedBigView(service);

    progress(`http: storyline, ${WARM_UP_SECONDS} s warm-up, ${SECONDS} s POST, ${SECONDS} s GET`);
    await load(service.url, service.token, WARM_UP_SECONDS);
    const measured = await load(service.url, service.token, SECONDS);
    progress(`http: storyline, big view GETs, ${BIG_SECONDS} s plain, ${BIG_SECONDS} s compressed`);
    await bigViewLoad(service.url, CONNECTIONS, WARM_UP_SECONDS);
    const big = await bigViewLoad(service.url, CONNECTIONS, BIG_SECONDS);
    const claimsAtEnd = (
      (await (await fetch(`${service.url}/incidents/${WRITE_INCIDENTS[0]}`)).json()) as {
        claims: unknown[];
      }
    ).claims.length;
    const usage = await service.stop();

    progress('http: raw node:http baseline');
    const raw = await startTimed(benchScript('http/raw-http-server.js'), {
      RAW_POST_ANSWER: postAnswer,
      RAW_GET_ANSWER: view,
      ...rawBigViewEnv(bigView, dir),
    });
    await load(raw.url, service.token, WARM_UP_SECONDS);
    const baseline = await load(raw.url, service.token, SECONDS);
    await bigViewLoad(raw.url, CONNECTIONS, WARM_UP_SECONDS);
    const rawBig = await bigViewLoad(raw.url, CONNECTIONS, BIG_SECONDS);
    const rawUsage = await raw.stop();

    const floorAfter = fsyncedCommitRate(path.join(dir, 'floor-after.db'), floorRows);
    const floorRate = (floorBefore + floorAfter) / 2;
    const perSecond = measured.post.perSecond;

    return {
      title: 'HTTP (autocannon)',
      setup: [
        `${CONNECTIONS} connections, ${SECONDS} s per phase after a ${WARM_UP_SECONDS} s warm-up (both phases); storyline = \`${serviceCommand()}\` on a fresh SQLite store, its request log on.`,
        `POST /incidents/:id/statements round-robin over ${WRITE_INCIDENTS.length} incidents; each 201 comes after the append is fsynced and the read model has applied it.`,
        `GET /incidents/:id of an incident with ${READ_CLAIMS} statements (${view.length} bytes of JSON).`,
        `GET /incidents/:id of an incident with ${BIG_CLAIMS} statements (${bigView.plain.length} bytes of JSON; ${bigView.compressed.length} bytes as \`${bigView.encoding}\` for \`Accept-Encoding: gzip, br\`), ${BIG_SECONDS} s plain then ${BIG_SECONDS} s compressed; the raw server answers the same bytes (precompressed) from memory.`,
        'Raw baseline: a `node:http` server in a child process that parses the POST body and answers the same response bodies; no framework, no store.',
        `Storage floor: raw better-sqlite3 (WAL, synchronous = FULL), one insert per fsynced commit, ${FLOOR_COMMITS} commits before and ${FLOOR_COMMITS} after the service ran (mean).`,
        'Latencies are per response at full resolution (autocannon `response` events), not its whole-millisecond histogram.',
      ],
      rows: [
        ...rows('POST statement', measured.post, baseline.post),
        row(
          'POST statement vs storage floor',
          measured.post.rate,
          'req/s',
          floorRate,
          0,
          'commits/s',
        ),
        ...rows('GET view', measured.get, baseline.get),
        ...rows(`GET ${BIG_CLAIMS}-claim view`, big.plain, rawBig.plain),
        ...rows(
          `GET ${BIG_CLAIMS}-claim view, gzip/br accepted`,
          big.compressed,
          rawBig.compressed,
        ),
        row(
          'max RSS of the server process',
          usage.maxRssKb / 1024,
          'MB',
          rawUsage.maxRssKb / 1024,
          0,
        ),
      ],
      notes: [
        `Storage floor: ${fmt(floorBefore, 'commits/s', 0)} before, ${fmt(floorAfter, 'after', 0)}.`,
        `storyline used ${fmt(usage.cpuSeconds, 's', 1)} of CPU in its ${fmt(usage.wallSeconds, 's', 1)} life (${fmt((100 * usage.cpuSeconds) / usage.wallSeconds, '%', 0)} of one core); the raw server ${fmt(rawUsage.cpuSeconds, 's', 1)} in ${fmt(rawUsage.wallSeconds, 's', 1)}.`,
        `POST responses in each second: ${perSecond.join(', ')}; an incident held ${claimsAtEnd} claims at the end.`,
        ...failures('storyline POST', measured.post),
        ...failures('storyline GET', measured.get),
        ...failures('raw POST', baseline.post),
        ...failures('raw GET', baseline.get),
        ...failures('storyline GET big view', big.plain),
        ...failures('storyline GET big view compressed', big.compressed),
        ...failures('raw GET big view', rawBig.plain),
        ...failures('raw GET big view compressed', rawBig.compressed),
      ],
    };
  } finally {
    cleanUp(dir);
  }
}
