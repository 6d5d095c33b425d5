import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, subscribe } from '../feed/feed-test-client.js';

const source = [{ name: 'Al-Masdar News', kind: 'outlet' }];
const reportedAt = '2017-05-18T19:05:00Z';
const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Inputs that once answered 500 or were silently changed: each must be a 400 that stores nothing. */
describe('refused inputs', () => {
  let booted: BootedApp;
  let store: EventStore;
  let socket: Socket;
  const http = () => request(booted.url);

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await http()
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: 'known', title: 'Known' })
      .expect(201);
    socket = await connectFeed(booted.url);
  });
  afterAll(async () => {
    socket.disconnect();
    await booted.close();
  });

  async function expect400(run: () => request.Test): Promise<void> {
    const before = await store.head();
    const res = await run();
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await store.head()).toBe(before);
  }

  const post = (path: string, body: string) =>
    http().post(path).set(auth('editor')).set('Content-Type', 'application/json').send(body);

  test.each([
    ['location', { title: 'x', location: null }],
    ['occurredAt', { title: 'x', occurredAt: null }],
    ['summary', { title: 'x', summary: null }],
    ['tags', { title: 'x', tags: null }],
  ])('an explicit null for optional %s is 400, not a crash in decide', async (_field, body) => {
    await expect400(() => post('/incidents', JSON.stringify(body)));
  });

  test.each([
    ['/incidents', 1500],
    ['/incidents/known/statements', 5000],
    ['/incidents/known/status', 1500],
  ])('JSON nested deeply on %s is 400 before class-transformer', async (path, levels) => {
    await expect400(() => post(path, `{"title":"x","text":"y","extra":${deepArray(levels)}}`));
    await expect400(() => post(path, `{"title":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`));
  });

  test('GET /events with a position beyond 2^63 - 1 is 400', async () => {
    for (const after of ['9223372036854775808', '18446744073709551616', '99999999999999999999'])
      expect((await http().get(`/events?after=${after}`)).status).toBe(400);
    expect((await http().get('/events?after=9223372036854775807')).status).toBe(200);
  });

  test('a feed subscribe nested 2,500 levels, or after beyond 2^63 - 1, is acked 400', async () => {
    const deep = JSON.parse(deepArray(2500)) as unknown;
    expect(await subscribe(socket, { incidentId: 'known', extra: deep })).toMatchObject({
      ok: false,
      error: { status: 400 },
    });
    expect(await subscribe(socket, { after: '9223372036854775808' })).toMatchObject({
      ok: false,
      error: { status: 400 },
    });
    expect(await subscribe(socket, { incidentId: 'known' })).toMatchObject({ ok: true });
  });

  test.each(['__proto__', 'constructor', 'prototype'])(
    'a %s key is an unknown field: 400, at the top or nested',
    async (key) => {
      await expect400(() => post('/incidents', `{"title":"x","${key}":{"admin":true}}`));
      await expect400(() =>
        post('/incidents', `{"title":"x","location":{"name":"y","${key}":{"a":1}}}`),
      );
    },
  );

  test.each(['9007199254740993', '1e308', '100000001', '2.5', '-1'])(
    'a casualty count of %s is 400',
    async (count) => {
      const figures = `[{"measure":"killed","group":"g","min":${count},"max":null}]`;
      await expect400(() =>
        post(
          '/incidents/known/casualty-reports',
          `{"figures":${figures},"attribution":${JSON.stringify(source)},"reportedAt":"${reportedAt}"}`,
        ),
      );
    },
  );

  test('the documented maximum count is accepted', async () => {
    await http()
      .post('/incidents/known/casualty-reports')
      .set(auth('reporter'))
      .send({
        figures: [{ measure: 'killed', group: 'g', min: 0, max: 100_000_000 }],
        attribution: source,
        reportedAt,
      })
      .expect(201);
  });

  test.each([
    '2017-05-18T24:00:00Z',
    '0000-05-18T10:00:00Z',
    '2017-05-18T23:60:00Z',
    '2017-05-18T23:59:60Z',
    '2017-05-18T10:00:00+24:00',
  ])('the time %s is 400', async (time) => {
    await expect400(() =>
      post(
        '/incidents/known/statements',
        JSON.stringify({ text: 't', attribution: source, reportedAt: time }),
      ),
    );
    await expect400(() =>
      post(
        '/incidents',
        JSON.stringify({ title: 'x', occurredAt: { at: time, precision: 'day' } }),
      ),
    );
  });

  test('ordinary times still pass', async () => {
    for (const time of ['2017-05-18T23:59:59Z', '2017-05-18T19:05Z', '2017-05-18T00:00:00+05:30'])
      await http()
        .post('/incidents/known/statements')
        .set(auth('reporter'))
        .send({ text: time, attribution: source, reportedAt: time })
        .expect(201);
  });
});
