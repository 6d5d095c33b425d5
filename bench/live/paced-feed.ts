import type { Socket } from 'socket.io-client';
import type { FeedEnvelope } from '../../src/feed/client/feed-types.js';
import { connect, withTimeout } from '../feed/feed-latency.js';
import { elapsedMs } from '../lib/stats.js';

/** What a paced run saw: latencies (ms) and how many deliveries were missing or doubled. */
export interface PacedRun {
  /** POST start → `event` at a client, one per client per statement seen once. */
  deliveries: number[];
  missed: number;
  doubled: number;
  /** Deliveries per second, first POST to last delivery. */
  rate: number;
  failedWrites: number;
}

/** Connects `count` sockets subscribed to one incident, `batch` at a time. */
export async function connectMany(
  url: string,
  incidentId: string | undefined,
  count: number,
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const BATCH = 50;
  try {
    for (let i = 0; i < count; i += BATCH) {
      const next = Math.min(BATCH, count - i);
      sockets.push(
        ...(await Promise.all(Array.from({ length: next }, () => connect(url, incidentId)))),
      );
    }
    return sockets;
  } catch (error) {
    for (const socket of sockets) socket.disconnect();
    throw error;
  }
}

/**
 * Posts `writes` statements at `perSecond` (open loop: a POST does not wait for the one before),
 * and waits until every subscribed socket has seen each of them (or `timeoutMs` passed).
 */
export async function pacedFeed(
  sockets: readonly Socket[],
  post: (text: string) => Promise<unknown>,
  writes: number,
  perSecond: number,
  timeoutMs: number,
): Promise<PacedRun> {
  const prefix = `Paced ${process.hrtime.bigint()}:`;
  const starts = new Map<string, bigint>();
  const seen = sockets.map(() => new Map<string, number>());
  const deliveries: number[] = [];
  let expected = sockets.length * writes;
  let arrived = 0;
  let last = process.hrtime.bigint();
  let finish = () => undefined as void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  sockets.forEach((socket, i) =>
    socket.on('event', (envelope: FeedEnvelope) => {
      const at = process.hrtime.bigint();
      const text = (envelope.data as { text?: unknown }).text;
      if (typeof text !== 'string' || !text.startsWith(prefix)) return;
      const count = (seen[i].get(text) ?? 0) + 1;
      seen[i].set(text, count);
      if (count > 1) return;
      deliveries.push(elapsedMs(starts.get(text) as bigint, at));
      last = at;
      if (++arrived === expected) finish();
    }),
  );
  let failedWrites = 0;
  const first = process.hrtime.bigint();
  const posts: Promise<unknown>[] = [];
  for (let k = 0; k < writes; k++) {
    const due = first + BigInt(Math.round((k * 1e9) / perSecond));
    const wait = Number(due - process.hrtime.bigint()) / 1e6;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const text = `${prefix} statement ${k}: the coalition said the convoy ignored warnings.`;
    starts.set(text, process.hrtime.bigint());
    posts.push(
      post(text).catch(() => {
        failedWrites += 1;
        expected -= sockets.length;
        if (arrived === expected) finish();
      }),
    );
  }
  await Promise.all(posts);
  await withTimeout(finished, timeoutMs, 'paced deliveries').catch(() => undefined);
  for (const socket of sockets) socket.removeAllListeners('event');
  let doubled = 0;
  for (const map of seen) for (const count of map.values()) doubled += count - 1;
  return {
    deliveries,
    missed: sockets.length * writes - failedWrites * sockets.length - arrived,
    doubled,
    rate: (arrived * 1000) / elapsedMs(first, last),
    failedWrites,
  };
}
