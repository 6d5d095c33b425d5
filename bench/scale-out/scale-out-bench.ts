import path from 'node:path';
import { io } from 'socket.io-client';
import type { Cluster } from '../../scripts/postgres/cluster.mjs';
import type { FeedEnvelope } from '../../src/feed/client/feed-types.js';
import { cannon, type Load } from '../http/cannon.js';
import { cleanUp, progress, root, statementBody, tempDir } from '../lib/bench-env.js';
import { fmt, ratio, type Section } from '../lib/report.js';
import { postJson } from '../lib/storyline-service.js';
import { elapsedMs, summarize } from '../lib/stats.js';
import { serviceNodeFlags } from '../lib/service-node-flags.js';
import { startTimed, type TimedServer } from '../lib/timed-process.js';
import { rawInsertRate, rawNotifyLatencies } from './raw-pg.js';

const CONNECTIONS = 12;
const SECONDS = Number(process.env.STORYLINE_BENCH_SECONDS ?? 10);
const FEED_WRITES = 200;
const TOKEN = 'bench-scale-out-token-0123456789';
const INCIDENTS = ['bench-s-0', 'bench-s-1', 'bench-s-2', 'bench-s-3', 'bench-s-4', 'bench-s-5'];

async function createDatabase(cluster: Cluster, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return cluster.url.replace(/\/postgres$/, `/${name}`);
}

async function instances(store: string, dir: string, count: number): Promise<TimedServer[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      startTimed(
        path.join(root, 'dist/main.js'),
        {
          PORT: '0',
          HOST: '127.0.0.1',
          STORYLINE_STORE: store,
          STORYLINE_READ_MODEL: `sqlite:${path.join(dir, `${path.basename(store)}-${i}.db`)}`,
          STORYLINE_DEMO: 'false',
          STORYLINE_TOKENS: `bench:admin:${TOKEN}`,
        },
        { nodeFlags: serviceNodeFlags() },
      ),
    ),
  );
}

/** POSTs statements to every instance at once, the connections split between them. */
async function writeLoad(servers: TimedServer[]): Promise<{ rate: number; loads: Load[] }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
  const body = JSON.stringify(statementBody('A US official told Reuters the convoy turned back.'));
  for (const id of INCIDENTS)
    await postJson(`${servers[0].url}/incidents`, { incidentId: id, title: id }, TOKEN);
  const loads = await Promise.all(
    servers.map((server) =>
      cannon({
        url: server.url,
        connections: Math.ceil(CONNECTIONS / servers.length),
        duration: SECONDS,
        requests: INCIDENTS.map((id) => ({
          method: 'POST',
          path: `/incidents/${id}/statements`,
          headers,
          body,
        })),
      }),
    ),
  );
  return { rate: loads.reduce((sum, load) => sum + load.rate, 0), loads };
}

/** One statement at a time through instance 0; ms from POST start to the event on instance 1. */
async function crossFeedLatencies(servers: TimedServer[]): Promise<number[]> {
  const incidentId = 'bench-feed';
  await postJson(`${servers[0].url}/incidents`, { incidentId, title: incidentId }, TOKEN);
  const socket = io(`${servers[1].url}/feed`, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  await socket.timeout(10_000).emitWithAck('subscribe', { incidentId });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < FEED_WRITES; i++) {
      const text = `cross-instance ${i}`;
      const start = process.hrtime.bigint();
      const arrived = new Promise<void>((resolve) => {
        const onEvent = (event: FeedEnvelope) => {
          if (JSON.stringify(event.data).includes(text)) {
            socket.off('event', onEvent);
            resolve();
          }
        };
        socket.on('event', onEvent);
      });
      await postJson(
        `${servers[0].url}/incidents/${incidentId}/statements`,
        statementBody(text),
        TOKEN,
      );
      await arrived;
      latencies.push(elapsedMs(start));
    }
  } finally {
    socket.disconnect();
  }
  return latencies;
}

/**
 * Scale-out on PostgreSQL: HTTP writes spread over three instances on one server vs one
 * instance, and write → feed latency across instances, each beside a raw `pg` baseline
 * measured in the same run on the same (durable: fsync on) throwaway cluster.
 */
export async function scaleOutBench(): Promise<Section> {
  const { startCluster } = (await import(path.join(root, 'scripts/postgres/cluster.mjs'))) as {
    startCluster: (options: { durable: boolean }) => Promise<Cluster>;
  };
  const cluster = await startCluster({ durable: true });
  const dir = tempDir();
  const started: TimedServer[] = [];
  try {
    progress('scale-out: raw pg inserts');
    const raw = await rawInsertRate(
      await createDatabase(cluster, 'bench_raw'),
      CONNECTIONS,
      SECONDS,
    );
    progress('scale-out: one instance');
    const one = await instances(await createDatabase(cluster, 'bench_one'), dir, 1);
    started.push(...one);
    const single = await writeLoad(one);
    await Promise.all(one.map((server) => server.stop()));
    progress('scale-out: three instances');
    const three = await instances(await createDatabase(cluster, 'bench_three'), dir, 3);
    started.push(...three);
    const spread = await writeLoad(three);
    progress('scale-out: write -> feed across instances');
    const feed = summarize(await crossFeedLatencies(three));
    const notify = summarize(
      await rawNotifyLatencies(await createDatabase(cluster, 'bench_notify'), FEED_WRITES),
    );
    await Promise.all(three.map((server) => server.stop()));
    return {
      title: 'Scale-out on PostgreSQL',
      setup: [
        'a throwaway PostgreSQL cluster (scripts/postgres/cluster.mjs) on 127.0.0.1, fsync on (durable), on the same machine',
        `HTTP: POST statements for ${SECONDS} s, ${CONNECTIONS} connections in all (split over the instances), ${INCIDENTS.length} incidents`,
        `raw baseline: single-row autocommit INSERTs into an equivalent table from ${CONNECTIONS} pg connections`,
        `feed: ${FEED_WRITES} statements one at a time through instance 1, received on instance 2; raw: INSERT + pg_notify → LISTEN on another connection`,
      ],
      rows: [
        {
          what: 'writes, 1 instance: req/s',
          figure: fmt(single.rate, 'req/s', 0),
          baseline: fmt(raw, 'inserts/s', 0),
          ratio: ratio(single.rate, raw),
        },
        {
          what: 'writes, 3 instances: req/s',
          figure: fmt(spread.rate, 'req/s', 0),
          baseline: fmt(raw, 'inserts/s', 0),
          ratio: ratio(spread.rate, raw),
        },
        {
          what: 'write → feed on another instance: p50',
          figure: fmt(feed.p50, 'ms', 2),
          baseline: fmt(notify.p50, 'ms', 2),
          ratio: ratio(feed.p50, notify.p50),
        },
        {
          what: 'write → feed on another instance: p99',
          figure: fmt(feed.p99, 'ms', 2),
          baseline: fmt(notify.p99, 'ms', 2),
          ratio: ratio(feed.p99, notify.p99),
        },
      ],
      notes: [
        `failed requests: 1 instance ${single.loads.reduce((s, l) => s + l.failed, 0)}, 3 instances ${spread.loads.reduce((s, l) => s + l.failed, 0)}`,
        'appends to one database are serialised by the append lock (README, "Scaling out"): three instances add read and feed capacity, not append throughput; on one 2-core machine they also share the CPU with PostgreSQL and the load generator',
      ],
    };
  } finally {
    await Promise.all(started.map((server) => server.stop().catch(() => undefined)));
    cluster.stop();
    cleanUp(dir);
  }
}
