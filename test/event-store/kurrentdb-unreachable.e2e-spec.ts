import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Logger, type LoggerService } from '@nestjs/common';
import { createServer } from 'node:net';
import { StoreUnavailable, type EventStore } from '../../src/event-store/event-store.js';
import { openEventStore } from '../../src/event-store/open-event-store.js';
import { StoreLocationError } from '../../src/event-store/store-location.js';
import { newEvent, rejectionOf, uniqueStream } from './conformance-kit.js';

/** A local port nothing listens on: the real client, really failing to connect. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Collects warnings from Nest's Logger; resolves `waitFor(n)` once n have arrived. */
class WarningLog implements LoggerService {
  readonly warnings: string[] = [];
  private waiters: { n: number; resolve: () => void }[] = [];
  log(): void {}
  error(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
    this.waiters = this.waiters.filter((w) =>
      this.warnings.length >= w.n ? (w.resolve(), false) : true,
    );
  }
  waitFor(n: number): Promise<void> {
    if (this.warnings.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

describe('KurrentDB adapter with no server at the address (the real client, no fake)', () => {
  let store: EventStore;
  const log = new WarningLog();

  beforeAll(async () => {
    Logger.overrideLogger(log);
    store = await openEventStore(`kurrentdb://127.0.0.1:${await closedPort()}?tls=false`, {
      backoff: { initialMs: 5, maxMs: 20 },
    });
  });

  afterAll(async () => {
    await store.close();
    Logger.overrideLogger(false);
  });

  test('opening does not need the server; the store says what it is', () => {
    expect(store.kind).toBe('kurrentdb');
  });

  test('writes, reads and head() fail as StoreUnavailable (a 503), never as a crash', async () => {
    const stream = uniqueStream();
    const append = store.append(stream, [newEvent()], { expectedRevision: 'no_stream' });
    expect(await rejectionOf(append)).toBeInstanceOf(StoreUnavailable);
    expect(await rejectionOf(store.readStream(stream))).toBeInstanceOf(StoreUnavailable);
    expect(await rejectionOf(store.readAll({ after: '0' }))).toBeInstanceOf(StoreUnavailable);
    expect(await rejectionOf(store.head())).toBeInstanceOf(StoreUnavailable);
  });

  test('a subscription keeps resubscribing with growing, capped waits, logged; close() ends it', async () => {
    const before = log.warnings.length;
    const subscription = store.subscribe({ after: '0', streamPrefix: 'incident-' });
    const pending = subscription[Symbol.asyncIterator]().next();
    await log.waitFor(before + 5);
    const waits = log.warnings
      .slice(before, before + 5)
      .map((line) => Number(/in (\d+) ms/.exec(line)?.[1]));
    expect(waits).toEqual([5, 10, 20, 20, 20]);
    expect(log.warnings[before]).toMatch(
      /subscription dropped \(KurrentDB is unreachable.*after position 0/,
    );
    await subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  test('a malformed connection string is refused at open, naming the setting, hiding the password', async () => {
    const error = await rejectionOf(openEventStore('kurrentdb://admin:s3cret@host:notaport'));
    expect(error).toBeInstanceOf(StoreLocationError);
    expect(String(error)).toMatch(/STORYLINE_STORE/);
    expect(String(error)).not.toMatch(/s3cret/);
  });
});

describe('KurrentDB adapter with a cluster none of whose members answers (the real client)', () => {
  test('a failed discovery is a 503, and the client is replaced so appends recover with the cluster', async () => {
    const hosts = `127.0.0.1:${await closedPort()},127.0.0.1:${await closedPort()}`;
    const replaced: string[] = [];
    const store = await openEventStore(
      `kurrentdb://${hosts}?tls=false&maxDiscoverAttempts=1&discoveryInterval=10&gossipTimeout=1`,
      { onClientReplaced: (reason) => replaced.push(reason) },
    );
    try {
      for (let attempt = 1; attempt <= 2; attempt++) {
        const append = store.append(uniqueStream(), [newEvent()], {
          expectedRevision: 'no_stream',
        });
        const error = await rejectionOf(append);
        expect(error).toBeInstanceOf(StoreUnavailable);
        expect((error as Error).message).toMatch(/Failed to discover after 1 attempts/);
        // each failure replaced the client: the next append does not meet the cached failure
        expect(replaced).toHaveLength(attempt);
      }
      expect(await rejectionOf(store.head())).toBeInstanceOf(StoreUnavailable);
    } finally {
      await store.close();
    }
  });
});
