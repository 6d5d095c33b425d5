import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { IncidentEvent } from '../../src/incidents/domain/events.js';
import type { IncidentView } from '../../src/incidents/domain/view-types.js';
import { ReadModelQueries } from '../../src/incidents/projections/read-model-queries.js';
import { KEEP_PLAIN_CHARS } from '../../src/incidents/queries/current-view-body.js';
import { SNAPSHOT_FROM_CLAIMS } from '../../src/incidents/queries/view-snapshot.js';
import { bootApp, type BootedApp, TOKENS } from '../support/boot.js';
import { foldedView, seed } from '../projections/seed.js';
import { type Answer, answerOf, rawGet, send } from './raw-http.js';

/** The view an answer carries, decoded as its Content-Encoding says. */
function viewOf(answer: Answer): IncidentView {
  const encoding = answer.headers['content-encoding'];
  const text =
    encoding === 'br'
      ? brotliDecompressSync(answer.body)
      : encoding === 'gzip'
        ? gunzipSync(answer.body)
        : answer.body;
  return JSON.parse(text.toString()) as IncidentView;
}

/** Headers two answers of the same view must share, whichever path sent them. */
const shared = (h: IncomingHttpHeaders) => ({
  etag: h.etag,
  vary: h.vary,
  'content-type': h['content-type'],
  'content-encoding': h['content-encoding'],
  'x-content-type-options': h['x-content-type-options'],
  hasRequestId: typeof h['x-request-id'] === 'string',
});

const statement = (i: number, text: string): IncidentEvent => ({
  type: 'StatementReported',
  data: {
    claimId: `c-${i}`,
    text,
    quoted: 'paraphrase',
    attribution: [{ name: 'Reuters', kind: 'wire' }],
    reportedAt: new Date(Date.parse('2017-05-18T00:00:00Z') + i * 60_000).toISOString(),
  },
});

describe('current view bytes: kept per revision, big views streamed', () => {
  let booted: BootedApp;
  const view = (id: string) => `${booted.url}/incidents/${id}`;
  /** Opens `id` with `count` statements of `text(i)`; the statements. */
  const seedBig = async (id: string, count: number, text: (i: number) => string) => {
    const opened: IncidentEvent = {
      type: 'IncidentOpened',
      data: { incidentId: id, title: 'Big' },
    };
    const claims = Array.from({ length: count }, (_, i) => statement(i, text(i)));
    await seed(booted.app, id, [opened, ...claims]);
    return claims;
  };
  const write = (id: string, text: string) =>
    send(
      `${view(id)}/statements`,
      { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.reporter}` },
      'POST',
      JSON.stringify({
        text,
        attribution: [{ name: 'AP', kind: 'wire' }],
        reportedAt: '2017-05-18T19:05:00Z',
      }),
    );

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(async () => {
    await booted.close();
  });

  test('a view asked again is the same answer, and a write is never answered with the old bytes', async () => {
    const id = 'kept-bytes';
    const opened: IncidentEvent = {
      type: 'IncidentOpened',
      data: { incidentId: id, title: 'Kept' },
    };
    const claims = Array.from({ length: 30 }, (_, i) =>
      statement(i, `Statement ${i} near the port.`),
    );
    await seed(booted.app, id, [opened, ...claims]);
    for (const encoding of ['br', 'gzip', 'identity']) {
      const first = await rawGet(view(id), { 'accept-encoding': encoding });
      const again = await rawGet(view(id), { 'accept-encoding': encoding });
      expect(first.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(shared(again.headers)).toEqual(shared(first.headers));
      expect(viewOf(first)).toEqual(await foldedView(booted.app, id));
      const unchanged = await rawGet(view(id), {
        'accept-encoding': encoding,
        'if-none-match': first.headers.etag ?? '',
      });
      expect(unchanged.status).toBe(304);
      expect(unchanged.body.length).toBe(0);
    }
    for (let i = 0; i < 3; i++) {
      const written = await write(id, `Written statement ${i} after the view was kept.`);
      expect(written.status).toBe(201);
      for (const encoding of ['br', 'gzip', 'identity']) {
        const after = await rawGet(view(id), { 'accept-encoding': encoding });
        const body = viewOf(after);
        expect(after.headers.etag).toBe(`"${body.revision}"`);
        expect(body.claims.at(-1)?.text).toBe(`Written statement ${i} after the view was kept.`);
        expect(body).toEqual(await foldedView(booted.app, id));
      }
    }
  });

  test("kept bytes answered before Express carry every header the controller sent, the caller's request id, and conditional GETs still get 304", async () => {
    const id = 'kept-before-express';
    await seedBig(id, 20, (i) => `Statement ${i} at the checkpoint.`);
    // without the caller's headers that vary per answer
    const allBut = (h: IncomingHttpHeaders) => {
      const { date: _date, 'x-request-id': _id, ...rest } = h;
      return rest;
    };
    for (const encoding of ['br', 'identity']) {
      const computed = await rawGet(view(id), { 'accept-encoding': encoding });
      const kept = await rawGet(view(id), { 'accept-encoding': encoding, 'x-request-id': 'abc-1' });
      expect(kept.status).toBe(200);
      expect(kept.body).toEqual(computed.body);
      expect(allBut(kept.headers)).toEqual(allBut(computed.headers));
      expect(kept.headers['x-request-id']).toBe('abc-1');
      expect(kept.headers['content-security-policy']).toBeDefined();
      const unchanged = await rawGet(view(id), {
        'accept-encoding': encoding,
        'if-none-match': `W/${kept.headers.etag ?? ''}`,
      });
      expect(unchanged.status).toBe(304);
      expect(unchanged.headers['x-request-id']).toEqual(expect.any(String));
      const head = await send(view(id), { 'accept-encoding': encoding }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers['content-length']).toBe(String(kept.body.length));
    }
  });

  test('writes while a view is being compressed: every answer is the revision its ETag says', async () => {
    const id = 'racing-writes';
    const opened: IncidentEvent = {
      type: 'IncidentOpened',
      data: { incidentId: id, title: 'Race' },
    };
    const claims = Array.from({ length: 400 }, (_, i) =>
      statement(i, `Statement ${i}: ${'the convoy was seen near the bridge; '.repeat(8)}`),
    );
    await seed(booted.app, id, [opened, ...claims]);
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        rawGet(view(id), { 'accept-encoding': 'br' }),
        write(id, `Racing statement ${round}`),
        rawGet(view(id), { 'accept-encoding': 'gzip' }),
        rawGet(view(id), { 'accept-encoding': 'br' }),
      ]);
      expect(answers[1].status).toBe(201);
      for (const answer of [answers[0], answers[2], answers[3]]) {
        expect(answer.headers.etag).toBe(`"${viewOf(answer).revision}"`);
      }
      const after = await rawGet(view(id), { 'accept-encoding': 'br' });
      expect(viewOf(after)).toEqual(await foldedView(booted.app, id));
      expect(viewOf(after).claims.at(-1)?.text).toBe(`Racing statement ${round}`);
    }
  });

  test('a view too big to keep whole is streamed and parses to the view assembled from its rows', async () => {
    const id = 'streamed';
    const text = (i: number) =>
      `Statement ${i}: ${'shelling was reported near the northern crossing; '.repeat(12)}`;
    const count =
      Math.max(Math.ceil(KEEP_PLAIN_CHARS / text(0).length), SNAPSHOT_FROM_CLAIMS) + 200;
    await seedBig(id, count, text);
    const fromRows = booted.app.get(ReadModelQueries).viewJson(id);
    expect(fromRows!.json.length).toBeGreaterThan(KEEP_PLAIN_CHARS);

    const plain = await rawGet(view(id));
    expect(plain.status).toBe(200);
    // sent in pieces: no Content-Length, chunked
    expect(plain.headers['content-length']).toBeUndefined();
    expect(plain.headers['transfer-encoding']).toBe('chunked');
    expect(plain.body.toString()).toBe(fromRows!.json);
    expect(plain.headers.etag).toBe(`"${fromRows!.revision}"`);

    for (const encoding of ['br', 'gzip'] as const) {
      const first = await rawGet(view(id), { 'accept-encoding': encoding });
      expect(first.headers['content-encoding']).toBe(encoding);
      expect(viewOf(first)).toEqual(JSON.parse(fromRows!.json));
      // the compressed bytes are kept: asked again, the same bytes, with their length
      const again = await rawGet(view(id), { 'accept-encoding': encoding });
      expect(again.body).toEqual(first.body);
      expect(Number(again.headers['content-length'])).toBe(first.body.length);
    }
    const head = await send(view(id), {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);

    const written = await write(id, 'One more after the stream.');
    expect(written.status).toBe(201);
    const after = await rawGet(view(id), { 'accept-encoding': 'br' });
    expect(viewOf(after).claims.at(-1)?.text).toBe('One more after the stream.');
    expect(viewOf(after)).toEqual(await foldedView(booted.app, id));
  });

  test('a streamed view is the revision it began at, though a write commits while it is sent', async () => {
    const id = 'streamed-while-written';
    // ~10 MB: more than the socket buffers hold, so the answer waits on the paused reader
    const text = (i: number) =>
      `Statement ${i}: ${'a convoy was seen on the coast road; '.repeat(120)}`;
    const claims = await seedBig(id, SNAPSHOT_FROM_CLAIMS + 200, text);
    const before = booted.app.get(ReadModelQueries).viewJson(id)!;

    const answer = await new Promise<Answer>((resolve, reject) => {
      httpRequest(view(id), (res) => {
        res.pause();
        void write(id, 'Written while the view streams.').then((written) => {
          expect(written.status).toBe(201);
          answerOf(res).then(resolve, reject);
          res.resume();
        }, reject);
      })
        .on('error', reject)
        .end();
    });
    expect(answer.headers.etag).toBe(`"${before.revision}"`);
    // the claims first: a failure then says how many, not the whole 10 MB
    expect(viewOf(answer).claims.length).toBe(claims.length);
    expect(answer.body.toString() === before.json).toBe(true);
    // concurrent big answers: one from the snapshot, the other read whole; both the same view
    const after = booted.app.get(ReadModelQueries).viewJson(id)!;
    expect(after.revision).toBe(before.revision + 1);
    const both = await Promise.all([rawGet(view(id)), rawGet(view(id))]);
    for (const one of both) expect(one.body.toString()).toBe(after.json);
  });
});
