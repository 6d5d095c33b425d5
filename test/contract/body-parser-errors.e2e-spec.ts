/**
 * Every way the JSON body parser refuses a body, answered by our own step after it
 * (src/common/http/json-body.ts) whatever Nest release wraps or drops the parser's error.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { expectProblem } from '../queries/problems.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

describe('JSON body parser errors', () => {
  let booted: BootedApp;
  let store: EventStore;
  const post = () => request(booted.url).post('/incidents').set(auth('reporter'));

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => booted.close());

  async function refused(run: () => request.Test): Promise<request.Response> {
    const before = await store.head();
    const res = await run();
    expect(await store.head()).toBe(before);
    return res;
  }

  test.each([
    ['{"title": nul', 'a truncated literal'],
    ['{"title": "x",}', 'a trailing comma'],
    ['"just a string"', 'a non-object under strict parsing'],
  ])('%s (%s) is a 400 malformed-json with our detail and the request id', async (body) => {
    const res = await refused(() => post().set('Content-Type', 'application/json').send(body));
    expectProblem(res, 400);
    expect(res.body).toMatchObject({
      type: 'urn:storyline:problem:malformed-json',
      detail: 'the request body is not valid JSON',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/token|position|SyntaxError|Unexpected/i);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  test('a body over STORYLINE_MAX_BODY is a 413 body-too-large', async () => {
    const res = await refused(() => post().send({ title: 'x'.repeat(70 * 1024) }));
    expectProblem(res, 413);
    expect(res.body.type).toBe('urn:storyline:problem:body-too-large');
  });

  test('a charset other than UTF-8 is a 415 unsupported-media-type', async () => {
    const res = await refused(() =>
      post().set('Content-Type', 'application/json; charset=latin1').send('{"title":"x"}'),
    );
    expectProblem(res, 415);
    expect(res.body.type).toBe('urn:storyline:problem:unsupported-media-type');
  });

  test('an unknown Content-Encoding is a 415 unsupported-media-type', async () => {
    const res = await refused(() =>
      post()
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'x-unknown')
        .send('{"title":"x"}'),
    );
    expectProblem(res, 415);
    expect(res.body.type).toBe('urn:storyline:problem:unsupported-media-type');
  });

  test('a gzip body that does not inflate is a 400 bad-body, not a 500', async () => {
    const before = await store.head();
    const res = await fetch(`${booted.url}/incidents`, {
      method: 'POST',
      headers: {
        ...auth('reporter'),
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: 'not gzip at all',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 400, type: 'urn:storyline:problem:bad-body' });
    expect(await store.head()).toBe(before);
  });

  test('a well-formed body still reaches the controller (gzip inflated by the parser)', async () => {
    const res = await fetch(`${booted.url}/incidents`, {
      method: 'POST',
      headers: {
        ...auth('reporter'),
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify({ incidentId: 'parsed', title: 'A strike' })),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ incidentId: 'parsed', revision: 0 });
  });
});
