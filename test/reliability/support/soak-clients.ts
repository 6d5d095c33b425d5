import type { Socket } from 'socket.io-client';
import type { FeedEnvelope } from '../../../src/feed/client/feed-types.js';
import { connectFeed, subscribe } from '../../feed/feed-test-client.js';
import { waiter } from '../../support/waiter.js';

/** One feed client that records every position it applied, for one incident or all. */
export interface TrackedClient {
  incidentId?: string;
  /** The position it subscribed after (the ack's head for a live-only subscription). */
  from: string;
  positions: string[];
  /** Anything out of scope, out of order, or a reset. */
  faults: string[];
  socket: Socket;
}

const clients = waiter();

async function track(
  url: string,
  client: Omit<TrackedClient, 'socket'>,
  after?: string,
): Promise<TrackedClient> {
  const socket = await connectFeed(url);
  const tracked: TrackedClient = { ...client, socket };
  socket.on('event', (event: FeedEnvelope) => {
    const last = tracked.positions.at(-1) ?? tracked.from;
    if (client.incidentId !== undefined && event.incidentId !== client.incidentId) {
      tracked.faults.push(`out of scope ${event.position}`);
    }
    if (BigInt(event.position) <= BigInt(last)) {
      tracked.faults.push(`${event.position} after ${last}`);
    }
    tracked.positions.push(event.position);
    clients.poke();
  });
  socket.on('reset', (reset: unknown) => tracked.faults.push(`reset ${JSON.stringify(reset)}`));
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') tracked.faults.push(`disconnect ${reason}`);
  });
  const payload = {
    ...(client.incidentId === undefined ? {} : { incidentId: client.incidentId }),
    ...(after === undefined ? {} : { after }),
  };
  const ack = await subscribe(socket, payload);
  if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
  if (after === undefined) tracked.from = ack.head;
  return tracked;
}

/** Connects `count` live-only clients, `batch` at a time: even ones on every incident, odd ones on one. */
export async function connectClients(
  url: string,
  count: number,
  incidents: string[],
  batch = 50,
): Promise<TrackedClient[]> {
  const all: TrackedClient[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    all.push(
      ...(await Promise.all(
        Array.from({ length: size }, (_, i) => {
          const n = start + i;
          const incidentId = n % 2 === 0 ? undefined : incidents[n % incidents.length];
          return track(url, { incidentId, from: '0', positions: [], faults: [] });
        }),
      )),
    );
  }
  return all;
}

/** Closes a client and subscribes a new socket from the last position it applied. */
export async function resume(url: string, client: TrackedClient): Promise<TrackedClient> {
  client.socket.close();
  const { socket: _old, ...state } = client;
  return track(url, state, client.positions.at(-1) ?? client.from);
}

/** What a client must have applied, given the log. */
export function expectedPositions(client: TrackedClient, log: FeedEnvelope[]): string[] {
  return log
    .filter((e) => client.incidentId === undefined || e.incidentId === client.incidentId)
    .filter((e) => BigInt(e.position) > BigInt(client.from))
    .map((e) => e.position);
}

/** Settles when every client has applied what the log says it should (or `ms` passed). */
export async function caughtUp(
  all: TrackedClient[],
  log: FeedEnvelope[],
  ms: number,
): Promise<void> {
  const targets = all.map((c) => expectedPositions(c, log).length);
  const done = () => all.every((c, i) => c.positions.length >= targets[i]);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([clients.until(done), late]);
  clearTimeout(timer);
}
