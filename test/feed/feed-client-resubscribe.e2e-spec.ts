import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { FeedClient } from '../../src/feed/client/feed-client.js';
import type { FeedEnvelope } from '../../src/feed/client/feed-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { waiter } from '../support/waiter.js';
import { appendRaw, storedEnvelopes } from './feed-writes.js';

describe('FeedClient: events of an earlier subscription of the same scope', () => {
  let booted: BootedApp;
  let store: EventStore;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await booted?.close();
  });

  test('subscribing again from an earlier position is not cut short by the replaced one', async () => {
    const id = 'client-rewind';
    await appendRaw(store, id, 400, (i) => ({ i }));
    const expected = await storedEnvelopes(store, id);

    const socket = io(`${booted.url}/feed`, { transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const client = new FeedClient(socket);
    const wait = waiter();
    const second: FeedEnvelope[] = [];
    let replaced = false;
    // The first subscription's catch-up (from the middle) is still in flight when it is replaced
    // by one from the start.
    const first = client.subscribe({
      incidentId: id,
      after: expected[199].position,
      onEvent: () => {
        if (replaced) return;
        replaced = true;
        first.close();
        client.subscribe({
          incidentId: id,
          after: '0',
          onEvent: (event) => {
            second.push(event);
            wait.poke();
          },
        });
      },
    });
    await wait.until(
      () => second.length > 0 && second[second.length - 1].position === expected[399].position,
    );
    expect(second.map((e) => e.position)).toEqual(expected.map((e) => e.position));
    client.close();
  });

  test('a connection dropped while the subscribe ack is outstanding resubscribes once, losing nothing', async () => {
    const id = 'client-drop-before-ack';
    await appendRaw(store, id, 50, (i) => ({ i }));
    const socket = io(`${booted.url}/feed`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 20,
      reconnectionDelayMax: 50,
    });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const client = new FeedClient(socket);
    const wait = waiter();
    const received: FeedEnvelope[] = [];
    const errors: unknown[] = [];
    const subscription = client.subscribe({
      incidentId: id,
      after: '0',
      onEvent: (event) => {
        received.push(event);
        wait.poke();
      },
      onError: (error) => errors.push(error),
    });
    // the subscribe is on the wire; the transport goes down before its ack can come back
    socket.io.engine.close();
    await subscription.ready;
    const last = await appendRaw(store, id, 1, () => ({ text: 'live' }));
    await wait.until(() => received.some((e) => e.position === last));
    expect(received).toEqual(await storedEnvelopes(store, id));
    expect(errors).toEqual([]);
    client.close();
  });
});
