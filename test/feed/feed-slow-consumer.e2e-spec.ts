import type { Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { FeedHub } from '../../src/feed/feed-hub.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, Received, subscribe } from './feed-test-client.js';
import { appendRaw, storedEnvelopes } from './feed-writes.js';

/** The TCP socket under a socket.io-client WebSocket (engine.io-client's `ws` transport). */
function tcpOf(socket: Socket): NetSocket {
  const transport = socket.io.engine.transport as unknown as { ws: { _socket: NetSocket } };
  return transport.ws._socket;
}

// enough to fill the kernel's socket buffers (a few MB) and then the 1000-packet bound
const EVENTS = 4000;
const BATCH = 100;
const PAYLOAD = 'x'.repeat(8 * 1024);

describe('live feed: a slow consumer is reset, the others keep receiving', () => {
  let booted: BootedApp;
  let store: EventStore;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await appendRaw(store, 'busy', 1, () => ({}));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await booted.close();
  });

  test('a client that stops reading gets reset; a fast one on the same incident gets everything', async () => {
    const fast = await connectFeed(booted.url);
    const slow = await connectFeed(booted.url);
    sockets.push(fast, slow);
    const fastReceived = new Received(fast);
    const slowReceived = new Received(slow);
    const start = await store.head();
    expect((await subscribe(fast, { incidentId: 'busy' })).ok).toBe(true);
    expect((await subscribe(slow, { incidentId: 'busy' })).ok).toBe(true);
    const hub = booted.app.get(FeedHub);
    expect(hub.listenerCount).toBe(2);

    // the slow client stops reading: its TCP buffers fill, then the server's write buffer
    tcpOf(slow).pause();
    let last = start;
    for (let i = 0; i < EVENTS; i += BATCH) {
      last = await appendRaw(store, 'busy', BATCH, (n) => ({ n: i + n, text: PAYLOAD }));
      // a fast client keeps up: the next batch waits for it (on a loaded machine, a client that
      // lags 1000 packets behind is slow too, and rightly reset), while the slow one never reads
      await fastReceived.until(
        () => fastReceived.resets.length > 0 || fastReceived.events.at(-1)?.position === last,
        `event ${last} or a reset at the fast client`,
      );
      expect(fastReceived.resets).toEqual([]);
    }
    // the fast client got every event while the slow one was still not reading
    expect(fastReceived.events).toEqual(await storedEnvelopes(store, 'busy', start));
    // the server dropped the slow subscription: only the fast one is left
    expect(hub.listenerCount).toBe(1);

    tcpOf(slow).resume();
    await slowReceived.until(() => slowReceived.resets.length > 0, 'the reset');
    expect(slowReceived.resets).toEqual([
      { incidentId: 'busy', reason: 'the connection fell too far behind' },
    ]);
    const got = slowReceived.events;
    // what it did get is an in-order prefix of the stream, then nothing more
    expect(got.length).toBeLessThan(EVENTS);
    expect(got).toEqual(fastReceived.events.slice(0, got.length));
    process.stderr.write(`slow consumer got ${got.length} of ${EVENTS} before its reset\n`);

    // the socket lives on: it resumes from its last position and catches up on the rest
    const resumed = await subscribe(slow, {
      incidentId: 'busy',
      after: got[got.length - 1].position,
    });
    expect(resumed.ok).toBe(true);
    // and a later event reaches it live
    const end = await appendRaw(store, 'busy', 1, () => ({ text: 'after the reset' }));
    await slowReceived.untilPosition(end);
    await fastReceived.untilPosition(end);
    expect(slowReceived.events).toEqual(await storedEnvelopes(store, 'busy', start));
  });

  test('a healthy client takes a burst of 5000 events from one commit without a reset', async () => {
    const socket = await connectFeed(booted.url);
    sockets.push(socket);
    const received = new Received(socket);
    const start = await store.head();
    expect((await subscribe(socket, { incidentId: 'busy' })).ok).toBe(true);
    const last = await appendRaw(store, 'busy', 5000, (n) => ({ n }));
    await received.until(
      () => received.resets.length > 0 || received.positions().includes(last),
      'the burst or a reset',
    );
    expect(received.resets).toEqual([]);
    expect(received.events).toEqual(await storedEnvelopes(store, 'busy', start));
  });
});
