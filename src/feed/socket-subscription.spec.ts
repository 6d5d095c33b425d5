import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import type { EventStore } from '../event-store/event-store.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { streamIdOf } from '../incidents/domain/events.js';
import type { FeedEnvelope, FeedReset } from './client/feed-types.js';
import { FeedHub } from './feed-hub.js';
import { FEED_LIMITS, type FeedLimits } from './feed-limits.js';
import type { FeedOutlet } from './feed-outlet.js';
import { FeedRefusal } from './feed-refusal.js';
import { SocketSubscription } from './socket-subscription.js';

/** Records what a subscription sends; `between` runs at each pacing point (a real await). */
class RecordingOutlet implements FeedOutlet {
  readonly events: FeedEnvelope[] = [];
  readonly resets: FeedReset[] = [];
  backlog = 0;
  between: () => Promise<void> = () => Promise.resolve();
  private waiters: { position: string; resolve: () => void }[] = [];

  event(envelope: FeedEnvelope): void {
    this.events.push(envelope);
    for (const w of this.waiters.filter((w) => w.position === envelope.position)) w.resolve();
  }
  reset(reset: FeedReset): void {
    this.resets.push(reset);
  }
  pending(): number {
    return this.backlog;
  }
  drained(): Promise<void> {
    return this.between();
  }
  until(position: string): Promise<void> {
    if (this.events.some((e) => e.position === position)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }
}

async function append(store: EventStore, incidentId: string, count: number): Promise<string> {
  const existing = await store.readStream(streamIdOf(incidentId), { limit: 1 });
  const events = Array.from({ length: count }, (_, i) => {
    const first = existing.length === 0 && i === 0;
    return {
      eventId: randomUUID(),
      type: first ? 'IncidentOpened' : 'StatementReported',
      data: first ? { incidentId, title: incidentId } : { text: `s${i}` },
      metadata: {
        recordedAt: new Date().toISOString(),
        recordedBy: 'spec',
        correlationId: randomUUID(),
        causationId: null,
        schemaVersion: 1,
      },
    };
  });
  return (await store.append(streamIdOf(incidentId), events, { expectedRevision: 'any' })).position;
}

const positionsOf = async (store: EventStore, incidentId?: string, after = '0') =>
  (await store.readAll({ after, limit: 100_000 }))
    .filter((e) => !incidentId || e.streamId === streamIdOf(incidentId))
    .map((e) => e.position);

describe('SocketSubscription (real SQLite store, recording outlet)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let hub: FeedHub;
  const limits: FeedLimits = { ...FEED_LIMITS, pageSize: 5, maxQueuedEvents: 50 };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-'));
    store = SqliteEventStore.open(path.join(dir, 'events.db'));
    await append(store, 'alpha', 23);
    await append(store, 'beta', 7);
    hub = new FeedHub(store, limits);
    await hub.start();
  });

  afterEach(async () => {
    await hub.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function subscription(outlet: RecordingOutlet, incidentId?: string, after?: string) {
    return new SocketSubscription(incidentId, after, {
      store,
      hub,
      outlet,
      limits,
      onClosed: () => undefined,
    });
  }

  test.each([['alpha'], [undefined]])(
    'scope %s: events written between catch-up pages arrive once, in order',
    async (incidentId) => {
      const outlet = new RecordingOutlet();
      let rounds = 0;
      // every pacing point appends more to both incidents, so the hand-over happens mid-write
      outlet.between = async () => {
        if (rounds++ < 6) await append(store, rounds % 2 ? 'alpha' : 'beta', 4);
      };
      const sub = subscription(outlet, incidentId, '0');
      const head = await sub.open();
      await sub.run(head);
      expect(sub.live).toBe(true);
      const last = await append(store, 'alpha', 3);
      await outlet.until(last);
      expect(outlet.events.map((e) => e.position)).toEqual(await positionsOf(store, incidentId));
    },
  );

  test('resuming from a middle position sends exactly what follows it', async () => {
    const all = await positionsOf(store, 'alpha');
    for (const from of [all[0], all[7], all[all.length - 2], all[all.length - 1]]) {
      const outlet = new RecordingOutlet();
      const sub = subscription(outlet, 'alpha', from);
      await sub.run(await sub.open());
      const last = await append(store, 'alpha', 1);
      await outlet.until(last);
      expect(outlet.events.map((e) => e.position)).toEqual(await positionsOf(store, 'alpha', from));
      sub.close();
    }
  });

  test('subscribing right after a write, before the hub has dispatched it, loses nothing', async () => {
    const outlets: [RecordingOutlet, string | undefined][] = [];
    for (let i = 0; i < 20; i++) {
      const written = append(store, i % 3 ? 'alpha' : 'beta', 2);
      const outlet = new RecordingOutlet();
      const scope = i % 2 ? 'alpha' : undefined;
      const sub = subscription(outlet, scope, '0');
      await written;
      void sub.open().then((head) => sub.run(head));
      outlets.push([outlet, scope]);
    }
    const last = await append(store, 'alpha', 1);
    for (const [outlet, scope] of outlets) {
      await outlet.until(last);
      expect(outlet.events.map((e) => e.position)).toEqual(await positionsOf(store, scope));
    }
  });

  test('live only: nothing before the head, everything after it', async () => {
    const outlet = new RecordingOutlet();
    const sub = subscription(outlet, 'alpha');
    const head = await sub.open();
    await sub.run(head);
    const last = await append(store, 'alpha', 2);
    await outlet.until(last);
    expect(outlet.events.map((e) => e.position)).toEqual(await positionsOf(store, 'alpha', head));
  });

  test('an unknown incident is refused with 404 and leaves no listener behind', async () => {
    const sub = subscription(new RecordingOutlet(), 'gamma', '0');
    await expect(sub.open()).rejects.toEqual(new FeedRefusal(404, 'incident gamma not found'));
    expect(hub.listenerCount).toBe(0);
    expect(sub.closed).toBe(true);
  });

  test('a position beyond the end of the log gets a reset', async () => {
    const outlet = new RecordingOutlet();
    const sub = subscription(outlet, 'alpha', '999999');
    await sub.run(await sub.open());
    expect(outlet.resets).toEqual([
      {
        incidentId: 'alpha',
        reason: 'the position is beyond the end of the log; refetch and subscribe again',
      },
    ]);
    expect(hub.listenerCount).toBe(0);
  });

  test('too many events queued while catching up: reset, and the catch-up stops', async () => {
    const outlet = new RecordingOutlet();
    let released: () => void = () => undefined;
    // the client does not drain while 60 live events arrive (the bound is 50)
    outlet.between = () => new Promise<void>((resolve) => (released = resolve));
    const sub = subscription(outlet, 'alpha', '0');
    const running = sub.run(await sub.open());
    const last = await append(store, 'alpha', 60);
    while (outlet.resets.length === 0) await append(store, 'alpha', 1);
    released();
    await running;
    expect(outlet.resets).toEqual([
      { incidentId: 'alpha', reason: 'fell too far behind while catching up' },
    ]);
    expect(outlet.events.length).toBe(limits.pageSize);
    expect(outlet.events.map((e) => e.position)).not.toContain(last);
    expect(hub.listenerCount).toBe(0);
  });

  test('a live subscription whose connection is backed up is reset, others are not', async () => {
    const slow = new RecordingOutlet();
    const fast = new RecordingOutlet();
    const slowSub = subscription(slow, 'alpha');
    const fastSub = subscription(fast, 'alpha');
    await slowSub.run(await slowSub.open());
    await fastSub.run(await fastSub.open());
    slow.backlog = limits.maxPendingPackets;
    const last = await append(store, 'alpha', 3);
    await fast.until(last);
    expect(fast.events).toHaveLength(3);
    expect(slow.events).toHaveLength(0);
    expect(slow.resets).toEqual([
      { incidentId: 'alpha', reason: 'the connection fell too far behind' },
    ]);
    expect(slowSub.closed).toBe(true);
    expect(hub.listenerCount).toBe(1);
  });
});
