import { benchScript, cleanUp, progress, statementBody, tempDir } from '../lib/bench-env.js';
import { fmt, mb, ratio, type Row, type Section } from '../lib/report.js';
import { type Summary, summarize } from '../lib/stats.js';
import { postJson, startStoryline } from '../lib/storyline-service.js';
import { startTimed } from '../lib/timed-process.js';
import { type FeedPlan, measureFeed } from './feed-latency.js';

const INCIDENT = 'bench-feed';
const PLAN: FeedPlan = { clients: 50, warmUp: 50, statements: 200, stepTimeoutMs: 10_000 };

function latencyRows(label: string, service: Summary, raw: Summary): Row[] {
  return (['p50', 'p95', 'p99', 'max'] as const).map((p) => ({
    what: `${label}: ${p}`,
    figure: fmt(service[p], 'ms', 2),
    baseline: fmt(raw[p], 'ms', 2),
    ratio: ratio(service[p], raw[p]),
  }));
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
        {
          what: 'POST → 201 at the writer: p50',
          figure: fmt(written.p50, 'ms', 2),
          baseline: fmt(rawWritten.p50, 'ms', 2),
          ratio: ratio(written.p50, rawWritten.p50),
        },
        {
          what: 'envelope size (JSON)',
          figure: fmt(measured.envelopeBytes, 'B', 0),
          baseline: fmt(baseline.envelopeBytes, 'B', 0),
          ratio: ratio(measured.envelopeBytes, baseline.envelopeBytes),
        },
        {
          what: `max RSS of the server process (${PLAN.clients} sockets)`,
          figure: mb(usage.maxRssKb),
          baseline: mb(rawUsage.maxRssKb),
          ratio: ratio(usage.maxRssKb, rawUsage.maxRssKb),
        },
      ],
      notes: [
        `${delivered.count} deliveries measured for storyline, ${rawDelivered.count} for the baseline (expected ${PLAN.clients * PLAN.statements} each).`,
      ],
    };
  } finally {
    cleanUp(dir);
  }
}
