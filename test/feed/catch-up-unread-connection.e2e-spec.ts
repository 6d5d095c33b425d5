import type { Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import type { SubscribeAck } from '../../src/feed/client/feed-types.js';
import { FeedHub, type FeedListener } from '../../src/feed/feed-hub.js';
import { FEED_LIMITS } from '../../src/feed/feed-limits.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, Received } from './feed-test-client.js';
import { appendRaw, storedEnvelopes } from './feed-writes.js';

/** The TCP socket under a socket.io-client WebSocket (engine.io-client's `ws` transport). */
function tcpOf(socket: Socket): NetSocket {
  const transport = socket.io.engine.transport as unknown as { ws: { _socket: NetSocket } };
  return transport.ws._socket;
}

const SUBSCRIBES = 300;

describe('live feed: catch-up pages respect a connection that is not reading', () => {
  let booted: BootedApp;
  let store: EventStore;

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await appendRaw(store, 'backlog', 400, (n) => ({ n, text: 'x'.repeat(16 * 1024) }));
  });
  afterAll(async () => {
    await booted.close();
  });

  test('re-subscribing over and over while not reading does not pile up history in the server', async () => {
    const socket = await connectFeed(booted.url);
    const received = new Received(socket);
    const hub = booted.app.get(FeedHub);
    // counts the subscriptions the server has opened, so the test knows when it has seen them all
    let opened = 0;
    let allOpened: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => (allOpened = resolve));
    const add = hub.add.bind(hub);
    hub.add = (incidentId: string | undefined, listener: FeedListener) => {
      add(incidentId, listener);
      if (++opened === SUBSCRIBES) allOpened();
    };

    tcpOf(socket).pause();
    let eventsBeforeLastAck = -1;
    const lastAck = new Promise<SubscribeAck>((resolve) => {
      for (let i = 1; i <= SUBSCRIBES; i++) {
        socket.emit('subscribe', { incidentId: 'backlog', after: '0' }, (ack: SubscribeAck) => {
          if (i < SUBSCRIBES) return;
          eventsBeforeLastAck = received.events.length;
          resolve(ack);
        });
      }
    });
    await seen;
    tcpOf(socket).resume();
    expect((await lastAck).ok).toBe(true);
    // what the replaced subscriptions wrote stayed within the connection's bound
    expect(eventsBeforeLastAck).toBeLessThanOrEqual(FEED_LIMITS.maxPendingPackets);
    // and the last subscription still sends the whole stream
    const expected = await storedEnvelopes(store, 'backlog');
    const total = eventsBeforeLastAck + expected.length;
    await received.until(() => received.events.length >= total, 'the last catch-up', 60_000);
    expect(received.events.slice(eventsBeforeLastAck)).toEqual(expected);
    socket.disconnect();
  });
});
