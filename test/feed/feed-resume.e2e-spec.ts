import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import type { FeedEnvelope } from '../../src/feed/client/feed-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, Received, subscribe } from './feed-test-client.js';
import { BackgroundWriter, openIncident, reportStatement, storedEnvelopes } from './feed-writes.js';

const lastOf = (events: FeedEnvelope[]) => events[events.length - 1].position;

/** Disconnects and settles once the client saw the disconnect. */
async function drop(socket: Socket): Promise<void> {
  const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  socket.disconnect();
  await gone;
}

describe('live feed: resume by position', () => {
  let booted: BootedApp;
  let store: EventStore;

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await openIncident(booted.url, 'at-tanf');
    await openIncident(booted.url, 'side-story');
  });

  afterAll(() => booted.close());

  test('a client that drops off while hundreds of events are written misses and repeats nothing', async () => {
    const writer = new BackgroundWriter(booted.url, ['at-tanf', 'side-story'], 400);
    const union: FeedEnvelope[] = [];
    let after = '0';
    // three sessions: two disconnects in the middle of the writes, the last one stays to the end
    for (const stopAt of [60, 200, undefined]) {
      const socket = await connectFeed(booted.url);
      const received = new Received(socket);
      const ack = await subscribe(socket, { incidentId: 'at-tanf', after });
      expect(ack.ok).toBe(true);
      if (stopAt !== undefined) {
        await writer.reached(stopAt);
        await received.untilCount(1);
        await drop(socket);
        // writes go on while the client is away
        await writer.reached(stopAt + 60);
      } else {
        await writer.done;
        const expected = await storedEnvelopes(store, 'at-tanf');
        await received.untilPosition(lastOf(expected));
        socket.disconnect();
      }
      union.push(...received.events);
      after = lastOf(union);
    }
    const expected = await storedEnvelopes(store, 'at-tanf');
    expect(expected.length).toBeGreaterThan(200);
    expect(union.map((e) => e.position)).toEqual(expected.map((e) => e.position));
    expect(union).toEqual(expected);
  });

  test('the all-incidents scope resumes the same way', async () => {
    const start = await store.head();
    const writer = new BackgroundWriter(booted.url, ['at-tanf', 'side-story'], 200);
    const first = await connectFeed(booted.url);
    const firstReceived = new Received(first);
    await subscribe(first, { after: start });
    await writer.reached(50);
    await firstReceived.untilCount(1);
    await drop(first);
    await writer.reached(120);
    const second = await connectFeed(booted.url);
    const secondReceived = new Received(second);
    await subscribe(second, { after: lastOf(firstReceived.events) });
    await writer.done;
    const expected = await storedEnvelopes(store, undefined, start);
    await secondReceived.untilPosition(lastOf(expected));
    second.disconnect();
    expect([...firstReceived.events, ...secondReceived.events]).toEqual(expected);
  });
});

describe('live feed: hand-over from catch-up to live under writes', () => {
  let booted: BootedApp;
  let store: EventStore;

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await openIncident(booted.url, 'race-a');
    await openIncident(booted.url, 'race-b');
    await new BackgroundWriter(booted.url, ['race-a'], 450, 8).done;
  });

  afterAll(() => booted.close());

  test('fresh subscribers catching up from 0 while writes continue receive exactly the stream', async () => {
    const writer = new BackgroundWriter(booted.url, ['race-a', 'race-b'], 300, 4);
    const clients: { scope?: string; socket: Socket; received: Received; head: string }[] = [];
    // subscribers join at different moments of the writes, each catching up from 0
    for (const at of [0, 40, 90, 150, 220]) {
      await writer.reached(at);
      for (const scope of ['race-a', undefined]) {
        const socket = await connectFeed(booted.url);
        const received = new Received(socket);
        const ack = await subscribe(socket, { incidentId: scope, after: '0' });
        if (!ack.ok) throw new Error(ack.error.message);
        clients.push({ scope, socket, received, head: ack.head });
      }
    }
    // and one live-only subscriber in the middle
    const liveSocket = await connectFeed(booted.url);
    const live = new Received(liveSocket);
    const liveAck = await subscribe(liveSocket, { incidentId: 'race-a' });
    if (!liveAck.ok) throw new Error(liveAck.error.message);
    await writer.done;
    // a final write both scopes see, so every client has a known last position to wait for
    const final = await reportStatement(booted.url, 'race-a', 'final');
    const expectedA = await storedEnvelopes(store, 'race-a');
    const expectedAll = await storedEnvelopes(store);
    for (const client of clients) {
      await client.received.untilPosition(final.position);
      expect(client.received.events).toEqual(client.scope ? expectedA : expectedAll);
      client.socket.disconnect();
    }
    await live.untilPosition(final.position);
    expect(live.events).toEqual(expectedA.filter((e) => BigInt(e.position) > BigInt(liveAck.head)));
    liveSocket.disconnect();
  });
});
