import { benchScript, cleanUp, progress, statementBody, tempDir } from '../lib/bench-env.js';
import { row, type Row, type Section } from '../lib/report.js';
import { type Summary, summarize } from '../lib/stats.js';
import { postJson, startStoryline } from '../lib/storyline-service.js';
import { startTimed } from '../lib/timed-process.js';
import { type FeedPlan, measureFeed } from './feed-latency.js';

const INCIDENT = 'bench-feed';
const PLAN: FeedPlan = { clients: 50, warmUp: 50, statements: 200, stepTimeoutMs: 10_000 };

function latencyRows(label: string, service: Summary, raw: Summary): Row[] {
  return (['p50', 'p95', 'p99', 'max'] as const).map((p) =>
    row(`${label}: ${p}`, service[p], 'ms', raw[p], 2),
  );
}

/** Bench 2: POST → `event` at 50 subscribed clients, against a bare Socket.IO broadcast. */
export async function feedBench(): Promise<Section> {
  const dir = tempDir();
  try {
    progress(`feed: storyline, ${PLAN.clients} clients, ${PLAN.statements} statements`);
    const service = await startStoryline(dir);
    await service.write('/incidents', { incidentId: INCIDENT, title: 'Feed bench' });
    const measured = await measureFeed(
      service.url,
      INCIDENT,
      (text) => service.write(`/incidents/${INCIDENT}/statements`, statementBody(text)),
      PLAN,
    );
    const usage = await service.stop();

    progress('feed: raw socket.io baseline');
    const raw = await startTimed(benchScript('feed/raw-feed-server.js'), {});
    const baseline = await measureFeed(
      raw.url,
      INCIDENT,
      (text) => postJson(`${raw.url}/incidents/${INCIDENT}/statements`, statementBody(text)),
      PLAN,
    );
    const rawUsage = await raw.stop();

    const delivered = summarize(measured.deliveries);
    const rawDelivered = summarize(baseline.deliveries);
    const written = summarize(measured.writes);
    const rawWritten = summarize(baseline.writes);
    return {
      title: 'Live feed latency (socket.io-client, process.hrtime)',
      setup: [
        `${PLAN.clients} socket.io-client sockets (WebSocket transport) in the bench process, all subscribed to one incident.`,
        `A writer POSTs ${PLAN.statements} statements one after another (after ${PLAN.warmUp} warm-up ones); each waits for its 201 and for the event at all ${PLAN.clients} clients.`,
        'Latency: from just before the POST to the `event` arriving at a client; every client counts (so later clients include the bench decoding the earlier ones).',
        'Raw baseline: a `node:http` + bare Socket.IO server in a child process that, on the POST, broadcasts a same-shape envelope to the room and answers 201; no validation, no store, no fsync.',
      ],
      rows: [
        ...latencyRows('POST → event at a client', delivered, rawDelivered),
        row('POST → 201 at the writer: p50', written.p50, 'ms', rawWritten.p50, 2),
        row('envelope size (JSON)', measured.envelopeBytes, 'B', baseline.envelopeBytes, 0),
        row(
          `max RSS of the server process (${PLAN.clients} sockets)`,
          usage.maxRssKb / 1024,
          'MB',
          rawUsage.maxRssKb / 1024,
          0,
        ),
      ],
      notes: [
        `${delivered.count} deliveries measured for storyline, ${rawDelivered.count} for the baseline (expected ${PLAN.clients * PLAN.statements} each).`,
      ],
    };
  } finally {
    cleanUp(dir);
  }
}
