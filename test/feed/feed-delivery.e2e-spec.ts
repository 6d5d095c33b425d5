import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import type { SubscribeAck } from '../../src/feed/client/feed-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, Received, subscribe } from './feed-test-client.js';
import { openIncident, reportStatement, storedEnvelopes } from './feed-writes.js';

describe('live feed: catch-up, live delivery, scopes', () => {
  let booted: BootedApp;
  let store: EventStore;
  const sockets: Socket[] = [];

  const connect = async () => {
    const socket = await connectFeed(booted.url);
    sockets.push(socket);
    return { socket, received: new Received(socket) };
  };

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await openIncident(booted.url, 'at-tanf');
    await openIncident(booted.url, 'other-story');
    for (let i = 0; i < 5; i++) await reportStatement(booted.url, 'at-tanf', `statement ${i}`);
    await reportStatement(booted.url, 'other-story', 'elsewhere');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await booted.close();
  });

  test('catch-up from 0 sends exactly the incident stream, then live writes follow', async () => {
    const expected = await storedEnvelopes(store, 'at-tanf');
    expect(expected).toHaveLength(6);
    const { socket, received } = await connect();
    // a callback ack runs when its packet arrives: the ack comes before the first event
    const [ack, eventsBeforeAck] = await new Promise<[SubscribeAck, number]>((resolve) => {
      socket.emit('subscribe', { incidentId: 'at-tanf', after: '0' }, (answer: SubscribeAck) =>
        resolve([answer, received.events.length]),
      );
    });
    expect(eventsBeforeAck).toBe(0);
    expect(ack).toEqual({ ok: true, head: await store.head() });
    await received.untilPosition(expected[expected.length - 1].position);
    expect(received.events).toEqual(expected);

    const write = await reportStatement(booted.url, 'at-tanf', 'a live statement');
    await received.untilPosition(write.position);
    const live = received.events[received.events.length - 1];
    expect(live).toMatchObject({
      position: write.position,
      incidentId: 'at-tanf',
      revision: write.revision,
      type: 'StatementReported',
      recordedBy: 'rita',
    });
    expect(received.events).toEqual(await storedEnvelopes(store, 'at-tanf'));
    // and the same events, in the same order, as the incident's timeline
    const timeline = await request(booted.url).get('/incidents/at-tanf/timeline?limit=1000');
    expect(timeline.status).toBe(200);
    const entries = (timeline.body as { items: Record<string, unknown>[] }).items;
    const pick = (e: Record<string, unknown>) => ({
      position: e.position,
      revision: e.revision,
      eventId: e.eventId,
      type: e.type,
      recordedAt: e.recordedAt,
      recordedBy: e.recordedBy,
    });
    expect(received.events.map((e) => pick({ ...e }))).toEqual(entries.map(pick));
  });

  test('the all-incidents scope carries every incident, in position order', async () => {
    const { socket, received } = await connect();
    const ack = await subscribe(socket, { after: '0' });
    expect(ack.ok).toBe(true);
    const write = await reportStatement(booted.url, 'other-story', 'more elsewhere');
    await received.untilPosition(write.position);
    expect(received.events).toEqual(await storedEnvelopes(store));
    expect(new Set(received.events.map((e) => e.incidentId))).toEqual(
      new Set(['at-tanf', 'other-story']),
    );
  });

  test('live-only subscribers get no history, only events after the acked head', async () => {
    const one = await connect();
    const all = await connect();
    const ackOne = await subscribe(one.socket, { incidentId: 'at-tanf' });
    const ackAll = await subscribe(all.socket, {});
    if (!ackOne.ok || !ackAll.ok) throw new Error('subscribe refused');
    const write = await reportStatement(booted.url, 'at-tanf', 'after the head');
    await one.received.untilPosition(write.position);
    await all.received.untilPosition(write.position);
    expect(one.received.events.map((e) => e.position)).toEqual([write.position]);
    expect(all.received.events.map((e) => e.position)).toEqual([write.position]);
    expect(BigInt(write.position)).toBeGreaterThan(BigInt(ackOne.head));
  });

  test('live scopes that overlap on one socket send each event once, to every socket in scope', async () => {
    const both = await connect();
    const other = await connect();
    for (const scope of [{ incidentId: 'at-tanf' }, {}]) {
      const ack = await subscribe(both.socket, scope);
      if (!ack.ok) throw new Error(ack.error.message);
    }
    const ack = await subscribe(other.socket, { incidentId: 'at-tanf' });
    if (!ack.ok) throw new Error(ack.error.message);
    const first = await reportStatement(booted.url, 'at-tanf', 'both scopes see this');
    const elsewhere = await reportStatement(booted.url, 'other-story', 'only every incident');
    const last = await reportStatement(booted.url, 'at-tanf', 'both scopes again');
    await both.received.untilPosition(last.position);
    await other.received.untilPosition(last.position);
    expect(both.received.positions()).toEqual([first.position, elsewhere.position, last.position]);
    expect(other.received.positions()).toEqual([first.position, last.position]);
  });

  test('a scope only carries its own incident', async () => {
    const { socket, received } = await connect();
    await subscribe(socket, { incidentId: 'other-story' });
    const elsewhere = await reportStatement(booted.url, 'at-tanf', 'not for other-story');
    const mine = await reportStatement(booted.url, 'other-story', 'for other-story');
    await received.untilPosition(mine.position);
    expect(received.positions()).toEqual([mine.position]);
    expect(received.positions()).not.toContain(elsewhere.position);
  });

  test('an unknown incident is refused with 404 in the ack', async () => {
    const { socket } = await connect();
    const ack = await subscribe(socket, { incidentId: 'no-such-incident', after: '0' });
    expect(ack).toEqual({
      ok: false,
      error: { status: 404, message: 'incident no-such-incident not found' },
    });
  });

  test('unsubscribe stops the scope; subscribing again replaces the earlier subscription', async () => {
    const { socket, received } = await connect();
    await subscribe(socket, { incidentId: 'at-tanf', after: '0' });
    // the second subscription replaces the first: history is sent again, once, from its `after`
    const all = await storedEnvelopes(store, 'at-tanf');
    const from = all[2].position;
    await subscribe(socket, { incidentId: 'at-tanf', after: from });
    const last = all[all.length - 1].position;
    await received.until(
      () => received.events.filter((e) => e.position === last).length === 2,
      'the replayed history',
    );
    const unsubscribed: unknown = await socket.emitWithAck('unsubscribe', {
      incidentId: 'at-tanf',
    });
    expect(unsubscribed).toEqual({ ok: true });
    const before = received.events.length;
    // a marker subscription on the other incident proves the at-tanf write had its chance
    await subscribe(socket, { incidentId: 'other-story' });
    await reportStatement(booted.url, 'at-tanf', 'nobody listens');
    const marker = await reportStatement(booted.url, 'other-story', 'marker');
    await received.untilPosition(marker.position);
    expect(received.events.slice(before).map((e) => e.position)).toEqual([marker.position]);
  });
});
