import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import {
  EVENT_STORE,
  StoreUnavailable,
  type EventStore,
} from '../../src/event-store/event-store.js';
import { FeedClient } from '../../src/feed/client/feed-client.js';
import type { FeedEnvelope, FeedStatus } from '../../src/feed/client/feed-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { waiter } from '../support/waiter.js';
import { openIncident, statement } from './support/api-writes.js';

describe('FeedClient against the real feed', () => {
  let booted: BootedApp;
  const sockets: Socket[] = [];

  const connect = (): Socket => {
    const socket = io(`${booted.url}/feed`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await booted?.close();
  });

  test('catches up, goes live, and resumes after a dropped connection with nothing missed or repeated', async () => {
    const id = 'client-resume';
    await openIncident(booted.url, id, 'Resume');
    for (let i = 0; i < 3; i++) await statement(booted.url, id, `before ${i}`);

    const received: FeedEnvelope[] = [];
    const statuses: FeedStatus[] = [];
    const wait = waiter();
    const socket = connect();
    const client = new FeedClient(socket, {
      onStatus: (status) => {
        statuses.push(status);
        wait.poke();
      },
    });
    const subscription = client.subscribe({
      incidentId: id,
      after: '0',
      onEvent: (event) => {
        received.push(event);
        wait.poke();
      },
    });
    await subscription.ready;
    await wait.until(() => received.length === 4);

    // Drop the transport as a network would; the socket reconnects by itself.
    socket.io.engine.close();
    await wait.until(() => statuses.includes('disconnected'));
    const missed = [];
    for (let i = 0; i < 5; i++) missed.push(await statement(booted.url, id, `while away ${i}`));
    await wait.until(() => client.status === 'connected' && received.length === 9);
    await statement(booted.url, id, 'after');
    await wait.until(() => received.length === 10);

    const timeline = await request(booted.url).get(`/incidents/${id}/timeline?limit=1000`);
    const expected = (timeline.body as { items: { eventId: string }[] }).items.map(
      (e) => e.eventId,
    );
    expect(received.map((e) => e.eventId)).toEqual(expected);
    expect(new Set(received.map((e) => e.position)).size).toBe(received.length);
    expect(subscription.lastPosition).toBe(received[received.length - 1]?.position);
    expect(missed.every((w) => received.some((e) => e.eventId === w.eventId))).toBe(true);
    expect(statuses).toEqual(expect.arrayContaining(['disconnected', 'connecting', 'connected']));
    client.close();
  });

  test('a live-only subscription to every incident starts at the head and sees new incidents', async () => {
    const received: FeedEnvelope[] = [];
    const wait = waiter();
    const client = new FeedClient(connect());
    const subscription = client.subscribe({
      onEvent: (event) => {
        received.push(event);
        wait.poke();
      },
    });
    const head = await subscription.ready;
    expect(subscription.lastPosition).toBe(head);
    const opened = await openIncident(booted.url, 'client-all-scope', 'All scope');
    await wait.until(() => received.some((e) => e.eventId === opened.eventId));
    expect(received.every((e) => BigInt(e.position) > BigInt(head))).toBe(true);
    client.close();
  });

  test('a reset refetches the view through the callback and resumes from its position', async () => {
    const id = 'client-reset';
    await openIncident(booted.url, id, 'Reset');
    await statement(booted.url, id, 'first');
    const received: FeedEnvelope[] = [];
    const resets: string[] = [];
    const wait = waiter();
    const client = new FeedClient(connect());
    // A position beyond the end of the log (a store restored from an older backup): the server resets.
    client.subscribe({
      incidentId: id,
      after: '999999999',
      onEvent: (event) => {
        received.push(event);
        wait.poke();
      },
      onReset: async (reset) => {
        resets.push(reset.reason);
        const view = await request(booted.url).get(`/incidents/${id}`);
        wait.poke();
        return (view.body as { position: string }).position;
      },
    });
    await wait.until(() => resets.length === 1);
    const next = await statement(booted.url, id, 'after the reset');
    await wait.until(() => received.some((e) => e.eventId === next.eventId));
    expect(received.map((e) => e.eventId)).toEqual([next.eventId]);
    expect(resets).toHaveLength(1);
    client.close();
  });

  test('a refused subscription reaches onError and rejects ready; the socket lives on', async () => {
    const errors: number[] = [];
    const client = new FeedClient(connect());
    const subscription = client.subscribe({
      incidentId: 'no-such-incident',
      onEvent: () => undefined,
      onError: (error) => errors.push(error.status),
    });
    await expect(subscription.ready).rejects.toMatchObject({ status: 404 });
    expect(errors).toEqual([404]);
    expect(client.status).toBe('connected');
    expect(() => client.subscribe({ after: 'abc', onEvent: () => undefined })).toThrow(TypeError);
    client.close();
  });

  test('refuses overlapping scopes on one socket instead of dropping events', () => {
    const client = new FeedClient(connect());
    const incident = client.subscribe({ incidentId: 'one-incident', onEvent: () => undefined });
    expect(() => client.subscribe({ onEvent: () => undefined })).toThrow(/another socket/);
    client.subscribe({ incidentId: 'other-incident', onEvent: () => undefined });
    incident.close();
    client.close();
    const every = new FeedClient(connect());
    every.subscribe({ onEvent: () => undefined });
    expect(() => every.subscribe({ incidentId: 'one-incident', onEvent: () => undefined })).toThrow(
      /another socket/,
    );
    every.close();
  });

  test('a subscription refused with 503 (store not reachable yet) is asked again until it succeeds', async () => {
    const id = 'client-store-down';
    await openIncident(booted.url, id, 'Store down');
    const store = booted.app.get<EventStore>(EVENT_STORE);
    const head = store.head.bind(store);
    let failures = 2;
    // the store answers the feed's head() with "unavailable" twice, then recovers
    store.head = () =>
      failures-- > 0 ? Promise.reject(new StoreUnavailable('store down')) : head();
    try {
      const errors: number[] = [];
      const received: FeedEnvelope[] = [];
      const wait = waiter();
      const client = new FeedClient(connect());
      const subscription = client.subscribe({
        incidentId: id,
        after: '0',
        onEvent: (event) => {
          received.push(event);
          wait.poke();
        },
        onError: (error) => errors.push(error.status),
      });
      await subscription.ready;
      expect(errors).toEqual([503, 503]);
      await wait.until(() => received.length >= 1);
      expect(received.map((e) => e.type)).toEqual(['IncidentOpened']);
      client.close();
    } finally {
      store.head = head;
    }
  });
});
