import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed } from '../feed/feed-test-client.js';

/** `FUZZ_RUNS=5000 npm run fuzz` for a longer run; CI runs a fixed seed, bounded. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20170518);

const WRITES = [
  ['post', '/incidents'],
  ['patch', '/incidents/known'],
  ['post', '/incidents/known/status'],
  ['post', '/incidents/known/statements'],
  ['post', '/incidents/known/casualty-reports'],
  ['post', '/incidents/known/claims/c-1/revisions'],
  ['post', '/incidents/known/claims/c-1/corrections'],
  ['post', '/incidents/known/claims/c-1/disputes'],
  ['post', '/incidents/known/claims/c-1/retractions'],
] as const;
const READS = [
  '/incidents',
  '/incidents/known',
  '/incidents/known/timeline',
  '/incidents/known/diff',
  '/incidents/known/claims/c-1/history',
  '/events',
];
const PARAMS = ['asOf', 'revision', 'reportedBy', 'after', 'limit', 'from', 'to', 'q', 'tag', 'by'];

const extreme = fc.oneof(
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER + 1,
    1e308,
    -0,
    -1,
    2 ** 63,
    '2017-05-18T24:00:00Z',
    '0000-01-01T00:00:00Z',
    '9223372036854775808',
    '',
    '\u0000',
    '\ud800',
    null,
  ),
  fc.string({ maxLength: 300 }),
  fc.double(),
  fc.integer(),
);
const deep = fc.integer({ min: 30, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
/** Raw JSON text: well-formed values, prototype keys, duplicate keys, deep nesting, invalid UTF-8. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      title: extreme,
      text: extreme,
      status: extreme,
      reportedAt: extreme,
      figures: fc.array(
        fc.record({ measure: extreme, group: extreme, min: extreme, max: extreme }),
      ),
      attribution: fc.array(fc.record({ name: extreme, kind: extreme })),
      location: extreme,
      occurredAt: extreme,
    })
    .map((value) => JSON.stringify(value)),
  fc
    .tuple(protoKey, fc.jsonValue({ maxDepth: 2 }))
    .map(([k, v]) => `{"title":"x","${k}":${JSON.stringify(v)}}`),
  fc.string().map((text) => `{"title":"a","title":${JSON.stringify(text)}}`),
  deep.map((nested) => `{"title":"x","extra":${nested}}`),
  fc.constant('{"title":"\xff\xfe"}'),
  // a number JSON.parse cannot hold exactly
  fc.constant(
    '{"figures":[{"measure":"killed","group":"g","min":9007199254740993,"max":null}],"attribution":[{"name":"a","kind":"wire"}],"reportedAt":"2017-05-18T19:05:00Z"}',
  ),
  fc.string({ maxLength: 100 }),
);

describe('fuzzing every route and feed message: never a 5xx, never a change after a refusal', () => {
  let booted: BootedApp;
  let store: EventStore;
  let socket: Socket;

  beforeAll(async () => {
    booted = await bootApp({ env: { STORYLINE_WRITE_BURST: '100000' } });
    store = booted.app.get<EventStore>(EVENT_STORE);
    await request(booted.url)
      .post('/incidents')
      .set(auth('editor'))
      .send({ incidentId: 'known', title: 'Known' })
      .expect(201);
    await request(booted.url)
      .post('/incidents/known/statements')
      .set(auth('editor'))
      .send({
        claimId: 'c-1',
        text: 'claim',
        attribution: [{ name: 'Reuters', kind: 'wire' }],
        reportedAt: '2017-05-18T19:05:00Z',
      })
      .expect(201);
    socket = await connectFeed(booted.url);
  });
  afterAll(async () => {
    socket.disconnect();
    await booted.close();
  });

  test('writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WRITES),
        body,
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
        fc.option(fc.string({ maxLength: 250 }), { nil: undefined }),
        async ([method, path], text, type, key) => {
          const before = await store.head();
          let req = request(booted.url)[method](path).set(auth('editor')).set('Content-Type', type);
          if (key !== undefined && /^[\x20-\x7e]*$/.test(key))
            req = req.set('Idempotency-Key', key);
          const res = await req.send(Buffer.from(text, 'latin1'));
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(await store.head()).toBe(before);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...READS),
        fc.dictionary(fc.constantFrom(...PARAMS), extreme.map(String), { maxKeys: 3 }),
        async (path, params) => {
          const res = await request(booted.url).get(path).query(params);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('feed messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('subscribe', 'unsubscribe'),
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.record({ incidentId: extreme, after: extreme }),
          deep.map((nested) => ({ incidentId: 'known', extra: JSON.parse(nested) as unknown })),
        ),
        async (event, payload) => {
          const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as {
            ok: boolean;
            error?: { status: number };
          };
          if (!ack.ok) expect(ack.error?.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(socket.connected).toBe(true);
    await request(booted.url).get('/health').expect(200);
  });
});
