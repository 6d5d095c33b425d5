import { io, type Socket } from 'socket.io-client';
import type { FeedEnvelope, FeedReset, SubscribeAck } from '../../src/feed/client/feed-types.js';

export interface ConnectOptions {
  token?: string;
}

/** A socket.io-client on /feed over the WebSocket transport alone, connected. */
export async function connectFeed(url: string, options: ConnectOptions = {}): Promise<Socket> {
  const socket = openFeed(url, options);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** A socket that is connecting (for connect_error tests). */
export function openFeed(url: string, options: ConnectOptions = {}): Socket {
  return io(`${url}/feed`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: options.token === undefined ? {} : { token: options.token },
  });
}

export function subscribe(socket: Socket, payload: unknown): Promise<SubscribeAck> {
  return socket.timeout(10_000).emitWithAck('subscribe', payload) as Promise<SubscribeAck>;
}

/**
 * Everything one socket received, in arrival order, with promises that settle when a condition
 * holds (checked on each arrival: no polling, no sleeps).
 */
export class Received {
  readonly events: FeedEnvelope[] = [];
  readonly resets: FeedReset[] = [];
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  constructor(socket: Socket) {
    socket.on('event', (event: FeedEnvelope) => {
      this.events.push(event);
      this.settle();
    });
    socket.on('reset', (reset: FeedReset) => {
      this.resets.push(reset);
      this.settle();
    });
  }

  positions(incidentId?: string): string[] {
    return this.events
      .filter((e) => incidentId === undefined || e.incidentId === incidentId)
      .map((e) => e.position);
  }

  /** Settles when `check` holds; rejects after `ms` with what was received so far. */
  until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`timed out waiting for ${what}; received ${this.events.length} events`));
      }, ms);
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Settles once an event with this position arrived. */
  untilPosition(position: string, ms?: number): Promise<void> {
    return this.until(() => this.events.some((e) => e.position === position), position, ms);
  }

  untilCount(count: number, ms?: number): Promise<void> {
    return this.until(() => this.events.length >= count, `${count} events`, ms);
  }

  private settle(): void {
    const ready = this.waiters.filter((w) => w.check());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }
}
