import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import type { FeedEnvelope, SubscribeAck } from '../../src/feed/client/feed-types.js';
import { FeedHub, type FeedListener } from '../../src/feed/feed-hub.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, Received, subscribe } from './feed-test-client.js';
import { appendRaw, storedEnvelopes } from './feed-writes.js';

const PAYLOAD = 'x'.repeat(16 * 1024);

describe('live feed: subscriptions ended during their catch-up', () => {
  let booted: BootedApp;
  let store: EventStore;
  let hub: FeedHub;
  const sockets: Socket[] = [];
  /** Settles once the hub has no listener left (checked whenever one is removed). */
  let untilNoListeners: () => Promise<void>;

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    hub = booted.app.get(FeedHub);
    await appendRaw(store, 'long-story', 600, (n) => ({ n, text: PAYLOAD }));
    const waiters: (() => void)[] = [];
    const remove = hub.remove.bind(hub);
    hub.remove = (incidentId: string | undefined, listener: FeedListener) => {
      remove(incidentId, listener);
      if (hub.listenerCount === 0) for (const resolve of waiters.splice(0)) resolve();
    };
    untilNoListeners = () =>
      hub.listenerCount === 0 ? Promise.resolve() : new Promise((r) => waiters.push(r));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await booted.close();
  });

  const connect = async () => {
    const socket = await connectFeed(booted.url);
    sockets.push(socket);
    return socket;
  };

  test('sockets that disconnect mid catch-up leave no hub listener behind', async () => {
    const clients = await Promise.all(Array.from({ length: 10 }, connect));
    await Promise.all(
      clients.map(async (socket, i) => {
        const firstEvent = new Promise<void>((resolve) => socket.once('event', () => resolve()));
        const scope = i % 2 ? { incidentId: 'long-story', after: '0' } : { after: '0' };
        expect((await subscribe(socket, scope)).ok).toBe(true);
        // half go away at once, half after their first event
        if (i % 4 >= 2) await firstEvent;
        socket.disconnect();
      }),
    );
    await untilNoListeners();
    expect(hub.listenerCount).toBe(0);
  });

  test('unsubscribe mid catch-up: nothing of that scope arrives after its ack', async () => {
    const socket = await connect();
    const received = new Received(socket);
    expect((await subscribe(socket, { incidentId: 'long-story', after: '0' })).ok).toBe(true);
    await received.untilCount(1);
    const atAck = await new Promise<number>((resolve) => {
      socket.emit('unsubscribe', { incidentId: 'long-story' }, () =>
        resolve(received.events.length),
      );
    });
    expect(atAck).toBeLessThan(600);
    await untilNoListeners();
    // a later write and a round trip on the same socket: still nothing more of the old scope
    await appendRaw(store, 'long-story', 1, () => ({ text: 'after unsubscribe' }));
    expect((await subscribe(socket, { incidentId: 'long-story' })).ok).toBe(true);
    expect(received.events).toHaveLength(atAck);
    const stream = await storedEnvelopes(store, 'long-story');
    expect(received.events).toEqual(stream.slice(0, atAck));
  });

  test('subscribing again mid catch-up: after the new ack, the new stream exactly, once', async () => {
    const socket = await connect();
    const events: FeedEnvelope[] = [];
    let afterSecondAck: FeedEnvelope[] | undefined;
    socket.on('event', (event: FeedEnvelope) => (afterSecondAck ?? events).push(event));
    expect((await subscribe(socket, { incidentId: 'long-story', after: '0' })).ok).toBe(true);
    await new Promise<void>((resolve) => socket.once('event', () => resolve()));
    const middle = (await storedEnvelopes(store, 'long-story'))[299].position;
    const ack = await new Promise<SubscribeAck>((resolve) => {
      socket.emit(
        'subscribe',
        { incidentId: 'long-story', after: middle },
        (answer: SubscribeAck) => {
          afterSecondAck = [];
          resolve(answer);
        },
      );
    });
    expect(ack.ok).toBe(true);
    const expected = await storedEnvelopes(store, 'long-story', middle);
    const last = await appendRaw(store, 'long-story', 1, () => ({ text: 'live' }));
    const received = afterSecondAck as FeedEnvelope[];
    await new Promise<void>((resolve) => {
      const check = () => received.some((e) => e.position === last) && resolve();
      socket.on('event', check);
      check();
    });
    expect(received.map((e) => e.position)).toEqual([...expected.map((e) => e.position), last]);
    // what came before the new ack was an in-order prefix of the old subscription's stream
    const old = await storedEnvelopes(store, 'long-story');
    expect(events.map((e) => e.position)).toEqual(
      old.slice(0, events.length).map((e) => e.position),
    );
  });
});
