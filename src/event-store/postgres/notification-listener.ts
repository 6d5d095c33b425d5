import { Logger } from '@nestjs/common';
import pg from 'pg';
import { NOTIFY_CHANNEL } from './postgres-schema.js';
import type { WakeSignal } from '../wake-signal.js';

export interface ListenerTimings {
  /** The slow safety poll for lost notifications (default 2 s). */
  pollMs: number;
  /** First and longest wait before reconnecting the listening connection (default 100 ms, 5 s). */
  reconnectMs: number;
  maxReconnectMs: number;
}

export const DEFAULT_TIMINGS: ListenerTimings = {
  pollMs: 2000,
  reconnectMs: 100,
  maxReconnectMs: 5000,
};

/**
 * One dedicated connection that LISTENs on the appends' channel and wakes the signal on every
 * NOTIFY, whichever instance appended. When the connection drops it reconnects with capped
 * backoff and wakes the signal once connected again (notifications sent meanwhile are lost).
 * A slow poll wakes the signal as well, only while subscriptions wait: a safety net, not a loop.
 */
export class NotificationListener {
  private readonly logger = new Logger('PostgresEventStore');
  private client: pg.Client | undefined;
  private poll: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private wait: number;
  private started = false;
  private stopped = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly signal: WakeSignal,
    private readonly timings: ListenerTimings = DEFAULT_TIMINGS,
  ) {
    this.wait = timings.reconnectMs;
  }

  /** Starts listening (once); returns at once, connecting in the background. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.poll = setInterval(() => {
      if (this.signal.waiting > 0) this.signal.notify();
    }, this.timings.pollMs);
    this.poll.unref();
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client(this.config);
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(
        `LISTEN connection lost (${String(error)}); reconnecting in ${this.wait} ms`,
      );
      this.retry = setTimeout(() => void this.connect(), this.wait);
      this.wait = Math.min(this.wait * 2, this.timings.maxReconnectMs);
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('connection ended')));
    client.on('notification', () => this.signal.notify());
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (this.stopped || failed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.wait = this.timings.reconnectMs;
    // whatever was appended while we were not listening: look again
    this.signal.notify();
  }
}
