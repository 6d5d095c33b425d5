import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { ConsoleLogger } from '@nestjs/common';
import {
  StoreUnavailable,
  type EventStore,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store/event-store.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { streamIdOf } from '../incidents/domain/events.js';
import type { FeedEnvelope } from './client/feed-types.js';
import { FeedHub, type FeedListener } from './feed-hub.js';
import { FEED_LIMITS } from './feed-limits.js';
import type { FeedOutlet } from './feed-outlet.js';

/** The real store, counting subscriptions; `failAfter` makes the next one break mid-stream. */
class CountingStore {
  subscriptions = 0;
  failAfter: number | undefined;
  /** How many calls of head() fail before it answers again (a store down at start). */
  headFailures = 0;

  constructor(readonly real: SqliteEventStore) {}

  asStore(): EventStore {
    return new Proxy(this.real, {
      get: (target, key) => {
        if (key === 'subscribe') return (options: SubscribeOptions) => this.subscribe(options);
        if (key === 'head' && this.headFailures > 0) {
          this.headFailures -= 1;
          return () => Promise.reject(new StoreUnavailable('the store is down'));
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  }

  private subscribe(options: SubscribeOptions): Subscription {
    this.subscriptions += 1;
    const inner = this.real.subscribe(options);
    const failAfter = this.failAfter;
    this.failAfter = undefined;
    if (failAfter === undefined) return inner;
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator](): AsyncGenerator<StoredEvent> {
        let n = 0;
        for await (const event of inner) {
          if (n++ === failAfter) throw new Error('connection to the store lost');
          yield event;
        }
      },
    };
  }
}

class Collector implements FeedListener {
  readonly positions: string[] = [];
  private waiters: { position: string; resolve: () => void }[] = [];
  deliver(envelope: FeedEnvelope): void {
    this.positions.push(envelope.position);
    for (const w of this.waiters.filter((w) => w.position === envelope.position)) w.resolve();
  }
  until(position: string): Promise<void> {
    if (this.positions.includes(position)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }
}

/** A listener that asks the hub to send every event on its outlet. */
class SendingListener implements FeedListener {
  constructor(private readonly outlet: FeedOutlet) {}
  deliver(): FeedOutlet {
    return this.outlet;
  }
}

/** An outlet known by name; the fan-out under test records it instead of writing to it. */
class NamedOutlet implements FeedOutlet {
  constructor(readonly name: string) {}
  event(): void {}
  reset(): void {}
  pending(): number {
    return 0;
  }
  drained(): Promise<void> {
    return Promise.resolve();
  }
}

async function append(store: EventStore, incidentId: string, count: number): Promise<string> {
  const events = Array.from({ length: count }, () => ({
    eventId: randomUUID(),
    type: 'StatementReported',
    data: {},
    metadata: {
      recordedAt: new Date().toISOString(),
      recordedBy: 'spec',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  }));
  return (await store.append(streamIdOf(incidentId), events, { expectedRevision: 'any' })).position;
}

describe('FeedHub', () => {
  let dir: string;
  let real: SqliteEventStore;
  let counting: CountingStore;
  let hub: FeedHub;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-'));
    real = SqliteEventStore.open(path.join(dir, 'events.db'));
    await append(real, 'before', 5);
    counting = new CountingStore(real);
    const quiet = new ConsoleLogger('feed', { logLevels: [] });
    hub = new FeedHub(counting.asStore(), FEED_LIMITS, quiet);
  });

  afterEach(async () => {
    await hub.stop();
    await real.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('one store subscription feeds every listener, from the head on, by scope', async () => {
    await hub.start();
    expect(hub.position).toBe(await real.head());
    const alpha = Array.from({ length: 50 }, () => new Collector());
    const every = Array.from({ length: 50 }, () => new Collector());
    for (const c of alpha) hub.add('alpha', c);
    for (const c of every) hub.add(undefined, c);
    const a = await append(real, 'alpha', 3);
    const b = await append(real, 'beta', 2);
    for (const c of every) await c.until(b);
    for (const c of alpha) await c.until(a);
    expect(counting.subscriptions).toBe(1);
    const head = BigInt(await real.head());
    expect(every[0].positions.map(BigInt).every((p) => p > head - 5n)).toBe(true);
    expect(every[0].positions).toHaveLength(5);
    expect(alpha[7].positions).toHaveLength(3);
    expect(hub.position).toBe(b);
    hub.remove('alpha', alpha[0]);
    expect(hub.listenerCount).toBe(99);
  });

  test('each live event goes once to every outlet the listeners in scope return, through the fan-out', async () => {
    const sent: { position: string; outlets: string[] }[] = [];
    hub.useFanOut({
      send: (envelope, outlets) =>
        sent.push({
          position: envelope.position,
          outlets: [...outlets].map((outlet) => (outlet as NamedOutlet).name),
        }),
    });
    await hub.start();
    const shared = new NamedOutlet('shared');
    const own = new NamedOutlet('own');
    hub.add('alpha', new SendingListener(shared));
    hub.add(undefined, new SendingListener(shared));
    hub.add('alpha', new SendingListener(own));
    const keeping = new Collector();
    hub.add(undefined, keeping);
    const a = await append(real, 'alpha', 1);
    const b = await append(real, 'beta', 1);
    await keeping.until(b);
    expect(sent).toEqual([
      { position: a, outlets: ['shared', 'own'] },
      { position: b, outlets: ['shared'] },
    ]);
  });

  test('a store that is down at start does not stop the hub: it becomes ready when the store answers', async () => {
    counting.headFailures = 1;
    await hub.start();
    expect(hub.ready).toBe(false);
    await hub.whenReady();
    expect(hub.ready).toBe(true);
    const every = new Collector();
    hub.add(undefined, every);
    const last = await append(real, 'alpha', 3);
    await every.until(last);
    expect(every.positions).toHaveLength(3);
  });

  test('a broken store subscription is resumed from the last dispatched position', async () => {
    counting.failAfter = 4;
    await hub.start();
    const every = new Collector();
    hub.add(undefined, every);
    const start = await real.head();
    // the first 4 events are dispatched, then the subscription breaks and the hub resubscribes
    const last = await append(real, 'alpha', 10);
    await every.until(last);
    const expected = (await real.readAll({ after: start })).map((e) => e.position);
    expect(every.positions).toEqual(expected);
    expect(counting.subscriptions).toBe(2);
  });
});
