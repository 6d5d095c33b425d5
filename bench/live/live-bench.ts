import type { Socket } from 'socket.io-client';
import {
  benchScript,
  cleanUp,
  progress,
  settings,
  statementBody,
  tempDir,
} from '../lib/bench-env.js';
import { row, type Section } from '../lib/report.js';
import { summarize } from '../lib/stats.js';
import { postJson, startStoryline } from '../lib/storyline-service.js';
import { startTimed } from '../lib/timed-process.js';
import { connectMany, pacedFeed, type PacedRun } from './paced-feed.js';

const INCIDENT = 'bench-live';
const CLIENTS = 100;
const RATE = 100;
const FAN_OUT_CLIENTS = 1000;
const FAN_OUT_WRITES = 100;
const TIMEOUT_MS = 30_000;
/**
 * Paced writes before the measured phase, not counted, on both sides alike (as the hot bench
 * warms up): the first ~40 writes to a fresh server run cold code (module loading, the JIT) and
 * took 80–150 ms each, which alone made storyline's p99 of a 5 s phase.
 */
const WARM_UP_SECONDS = 1;

interface LiveRun {
  paced: PacedRun;
  fanOut: PacedRun;
}

async function run(url: string, post: (text: string) => Promise<unknown>): Promise<LiveRun> {
  const sockets: Socket[] = [];
  try {
    sockets.push(...(await connectMany(url, INCIDENT, CLIENTS)));
    await pacedFeed(sockets, post, RATE * WARM_UP_SECONDS, RATE, TIMEOUT_MS);
    const paced = await pacedFeed(sockets, post, RATE * settings.seconds, RATE, TIMEOUT_MS);
    sockets.push(...(await connectMany(url, INCIDENT, FAN_OUT_CLIENTS - CLIENTS)));
    const fanOut = await pacedFeed(sockets, post, FAN_OUT_WRITES, RATE, TIMEOUT_MS);
    return { paced, fanOut };
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

/** Live: 100 clients at 100 writes/s to one incident, then fan-out to 1,000, vs bare Socket.IO. */
export async function liveBench(): Promise<Section> {
  const dir = tempDir();
  try {
    progress(`live: storyline, ${CLIENTS} clients, ${RATE} writes/s for ${settings.seconds} s`);
    const service = await startStoryline(dir);
    await service.write('/incidents', { incidentId: INCIDENT, title: 'Live bench' });
    const measured = await run(service.url, (text) =>
      service.write(`/incidents/${INCIDENT}/statements`, statementBody(text)),
    );
    await service.stop();
    progress('live: raw socket.io baseline');
    const raw = await startTimed(benchScript('feed/raw-feed-server.js'), {});
    const baseline = await run(raw.url, (text) =>
      postJson(`${raw.url}/incidents/${INCIDENT}/statements`, statementBody(text)),
    );
    await raw.stop();
    const ours = summarize(measured.paced.deliveries);
    const theirs = summarize(baseline.paced.deliveries);
    return {
      title: 'Live feed under load (socket.io-client)',
      setup: [
        `${CLIENTS} WebSocket clients in the bench process subscribed to one incident; ${RATE} POSTs a second for ${settings.seconds} s after a ${WARM_UP_SECONDS} s warm-up at the same rate (both sides), open loop (a POST does not wait for the previous 201).`,
        `Fan-out: ${FAN_OUT_CLIENTS} clients, ${FAN_OUT_WRITES} POSTs at ${RATE}/s; deliveries per second from the first POST to the last delivery.`,
        'Raw baseline: `node:http` + bare Socket.IO broadcasting a same-shape envelope on each POST; no store, no fsync.',
      ],
      rows: [
        row('write → event: p50', ours.p50, 'ms', theirs.p50, 2),
        row('write → event: p99', ours.p99, 'ms', theirs.p99, 2),
        row('deliveries missed', measured.paced.missed, 'deliveries', baseline.paced.missed, 0),
        row('deliveries doubled', measured.paced.doubled, 'deliveries', baseline.paced.doubled, 0),
        row(
          `fan-out to ${FAN_OUT_CLIENTS} clients`,
          measured.fanOut.rate,
          'deliveries/s',
          baseline.fanOut.rate,
          0,
        ),
        row(
          'fan-out deliveries missed',
          measured.fanOut.missed,
          'deliveries',
          baseline.fanOut.missed,
          0,
        ),
      ],
      notes: [
        `${ours.count} deliveries measured for storyline, ${theirs.count} for the baseline; failed writes: ${measured.paced.failedWrites + measured.fanOut.failedWrites} (storyline), ${baseline.paced.failedWrites + baseline.fanOut.failedWrites} (baseline).`,
      ],
    };
  } finally {
    cleanUp(dir);
  }
}
