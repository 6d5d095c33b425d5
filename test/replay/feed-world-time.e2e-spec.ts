/** The live feed's envelopes carry the world time of back-dated editorial events and disputes. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { connectFeed, Received, subscribe } from '../feed/feed-test-client.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { at, ID, recordBackDatedStory } from './back-dated-story.js';

describe('feed envelopes with world time', () => {
  let booted: BootedApp;
  let socket: Socket | undefined;

  beforeAll(async () => {
    booted = await bootApp();
    await recordBackDatedStory(booted.url);
  });
  afterAll(async () => {
    socket?.disconnect();
    await booted.close();
  });

  test('catch-up and live events carry reportedAt in their data, as recorded', async () => {
    socket = await connectFeed(booted.url);
    const received = new Received(socket);
    const ack = await subscribe(socket, { incidentId: ID, after: '0' });
    expect(ack.ok).toBe(true);
    await received.untilCount(12);
    const data = (type: string) =>
      received.events
        .filter((e) => e.type === type)
        .map((e) => (e.data as { reportedAt?: string }).reportedAt);
    expect(data('ClaimDisputed')).toEqual([at('17:45'), undefined]);
    expect(data('IncidentStatusChanged')).toEqual([at('18:30')]);
    expect(data('IncidentDetailsRevised')).toEqual([at('19:00')]);

    await request(booted.url)
      .post(`/incidents/${ID}/status`)
      .set(auth('reporter'))
      .send({ status: 'confirmed', reportedAt: at('12:00', 19) })
      .expect(201);
    await received.untilCount(13);
    expect(received.events[12]).toMatchObject({
      type: 'IncidentStatusChanged',
      revision: 12,
      data: { status: 'confirmed', previousStatus: 'disputed', reportedAt: at('12:00', 19) },
    });
  });
});
