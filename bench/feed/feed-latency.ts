import { io, type Socket } from 'socket.io-client';
import type { FeedEnvelope, SubscribeAck } from '../../src/feed/client/feed-types.js';
import { elapsedMs } from '../lib/stats.js';

/** What one feed run saw, in milliseconds. */
export interface FeedRun {
  /** POST start → `event` at a client, one per client per measured statement. */
  deliveries: number[];
  /** POST start → 201, one per measured statement. */
  writes: number[];
  /** Size of one envelope as JSON (payload comparability check). */
  envelopeBytes: number;
}

export interface FeedPlan {
  clients: number;
  warmUp: number;
  statements: number;
  /** Longest wait for one statement's 201 and all its deliveries. */
  stepTimeoutMs: number;
}

interface Step {
  text: string;
  start: bigint;
  arrivals: number[];
  done: () => void;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A socket subscribed to one incident, or to every incident when `incidentId` is absent. */
export async function connect(url: string, incidentId?: string): Promise<Socket> {
  const socket = io(`${url}/feed`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    }),
    10_000,
    'feed connect',
  );
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck('subscribe', incidentId === undefined ? {} : { incidentId })) as SubscribeAck;
  if (!ack.ok) throw new Error(`subscribe refused: ${ack.error.message}`);
  return socket;
}

/**
 * Subscribes `clients` sockets to one incident, then posts statements one after another; each
 * step waits for its 201 and for the event at every client before the next starts.
 */
export async function measureFeed(
  url: string,
  incidentId: string,
  post: (text: string) => Promise<unknown>,
  plan: FeedPlan,
): Promise<FeedRun> {
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < plan.clients; i++) sockets.push(await connect(url, incidentId));
    let step: Step | undefined;
    let envelopeBytes = Number.NaN;
    for (const socket of sockets)
      socket.on('event', (envelope: FeedEnvelope) => {
        const at = process.hrtime.bigint();
        const data = envelope.data as { text?: unknown };
        if (!step || data.text !== step.text) return;
        if (Number.isNaN(envelopeBytes)) envelopeBytes = JSON.stringify(envelope).length;
        step.arrivals.push(elapsedMs(step.start, at));
        if (step.arrivals.length === plan.clients) step.done();
      });

    const run: FeedRun = { deliveries: [], writes: [], envelopeBytes: Number.NaN };
    for (let k = 0; k < plan.warmUp + plan.statements; k++) {
      const text = `Feed bench statement ${k}: the coalition said the convoy ignored warnings.`;
      let done = () => undefined as void;
      const delivered = new Promise<void>((resolve) => (done = resolve));
      const start = process.hrtime.bigint();
      step = { text, start, arrivals: [], done };
      const written = post(text).then(() => elapsedMs(start));
      const [writeMs] = await withTimeout(
        Promise.all([written, delivered]),
        plan.stepTimeoutMs,
        `statement ${k} to ${plan.clients} clients`,
      );
      if (k < plan.warmUp) continue;
      run.writes.push(writeMs);
      run.deliveries.push(...step.arrivals);
    }
    run.envelopeBytes = envelopeBytes;
    return run;
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}
