import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { openIncident } from '../support/http-writes.js';

const source = [{ name: 'Al-Masdar News', kind: 'outlet' }];
const reportedAt = '2017-05-18T19:05:00Z';

describe('writes over HTTP', () => {
  let booted: BootedApp;
  let store: EventStore;
  const http = () => request(booted.url);

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => booted.close());

  const open = (incidentId: string) => openIncident(booted.url, incidentId, 'A strike');

  /** Runs a request that must fail and asserts it appended nothing. */
  async function refused(
    run: () => request.Test,
    status: number,
  ): Promise<Record<string, unknown>> {
    const before = await store.head();
    const res = await run().expect(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
    expect(res.body.stack).toBeUndefined();
    expect(await store.head()).toBe(before);
    return res.body as Record<string, unknown>;
  }

  test('opening an incident answers 201 with Location and the write result', async () => {
    const res = await http()
      .post('/incidents')
      .set(auth('reporter'))
      .send({
        incidentId: 'strike-one',
        title: 'Strike',
        tags: ['syria'],
        occurredAt: { at: '2017-05-18T00:00:00Z', precision: 'day' },
      })
      .expect(201);
    expect(res.headers.location).toBe('/incidents/strike-one');
    expect(res.body).toEqual({
      incidentId: 'strike-one',
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
    });
    const [event] = await store.readStream('incident-strike-one');
    expect(event.metadata.recordedBy).toBe('rita');
    expect(event.metadata.schemaVersion).toBe(1);
  });

  test('an incident id is generated when absent', async () => {
    const res = await http()
      .post('/incidents')
      .set(auth('reporter'))
      .send({ title: 'Untitled' })
      .expect(201);
    expect(res.body.incidentId).toMatch(/^[a-z0-9][a-z0-9-]{2,63}$/);
  });

  /** A request refused before it decides anything: its status, and what its problem names. */
  interface Refusal {
    name: string;
    send: () => request.Test;
    status: number;
    detail?: RegExp;
    /** The field the validation errors name: the only one, or among others with `among`. */
    field?: string;
    among?: boolean;
  }
  const post = (path: string, role: 'reporter' | 'none' = 'reporter') =>
    role === 'none' ? http().post(path) : http().post(path).set(auth(role));
  const future = new Date(Date.now() + 3600_000).toISOString();
  const refusals: Refusal[] = [
    {
      name: 'opening an incident that exists',
      send: () => post('/incidents').send({ incidentId: 'refusals', title: 'x' }),
      status: 409,
      detail: /exists/,
    },
    {
      name: 'an unknown field',
      send: () => post('/incidents').send({ title: 'x', colour: 'red' }),
      status: 400,
      field: 'colour',
      among: true,
    },
    {
      name: 'a malformed incident id',
      send: () => post('/incidents').send({ incidentId: 'Bad Id!', title: 'x' }),
      status: 400,
    },
    {
      name: 'truncated JSON',
      send: () => post('/incidents').set('Content-Type', 'application/json').send('{"title":'),
      status: 400,
    },
    {
      name: 'a body that is not JSON',
      send: () => post('/incidents').set('Content-Type', 'text/plain').send('title'),
      status: 415,
    },
    {
      name: 'a body over the limit',
      send: () => post('/incidents').send({ title: 'x'.repeat(70_000) }),
      status: 413,
    },
    {
      name: 'no token',
      send: () => post('/incidents', 'none').send({ title: 'x' }),
      status: 401,
    },
    {
      name: 'an unknown token',
      send: () =>
        http().post('/incidents').set('Authorization', 'Bearer not-a-token').send({ title: 'x' }),
      status: 401,
    },
    {
      name: 'a reporter revising incident details (editors only)',
      send: () => http().patch('/incidents/refusals').set(auth('reporter')).send({ title: 'y' }),
      status: 403,
    },
    {
      name: 'a statement on an unknown incident',
      send: () =>
        post('/incidents/nowhere-1/statements').send({
          text: 't',
          attribution: source,
          reportedAt,
        }),
      status: 404,
    },
    {
      name: 'figures with min above max',
      send: () =>
        post('/incidents/figures/casualty-reports').send({
          attribution: source,
          reportedAt,
          figures: [{ measure: 'killed', group: 'militia', min: 6, max: 3 }],
        }),
      status: 400,
      field: 'figures.0.max',
    },
    {
      name: 'a fractional figure',
      send: () =>
        post('/incidents/figures/casualty-reports').send({
          attribution: source,
          reportedAt,
          figures: [{ measure: 'killed', group: 'militia', min: 1.5, max: null }],
        }),
      status: 400,
      field: 'figures.0.min',
    },
    {
      name: 'an unknown source kind',
      send: () =>
        post('/incidents/figures/statements').send({
          text: 't',
          attribution: [{ name: 'X', kind: 'alien' }],
          reportedAt,
        }),
      status: 400,
      field: 'attribution.0.kind',
    },
    {
      name: 'no attribution',
      send: () =>
        post('/incidents/figures/statements').send({ text: 't', attribution: [], reportedAt }),
      status: 400,
    },
    {
      name: 'a time without a zone',
      send: () =>
        post('/incidents/figures/statements').send({
          text: 't',
          attribution: source,
          reportedAt: '2017-05-18 19:05',
        }),
      status: 400,
    },
    {
      name: 'a reportedAt an hour in the future',
      send: () =>
        post('/incidents/figures/statements').send({
          text: 't',
          attribution: source,
          reportedAt: future,
        }),
      status: 400,
    },
  ];

  describe('every refusal is problem+json and appends nothing', () => {
    beforeAll(async () => {
      await open('refusals');
      await open('figures');
    });

    test.each(refusals)('$name: $status', async ({ send, status, detail, field, among }) => {
      const body = await refused(send, status);
      if (detail) expect(body.detail).toMatch(detail);
      if (field === undefined) return;
      const named = [expect.objectContaining({ field })];
      expect(body.errors).toEqual(among ? expect.arrayContaining(named) : named);
    });
  });

  test('claims: report, revise, correct (editor), dispute, retract, and the rules around them', async () => {
    await open('claims');
    const first = await http()
      .post('/incidents/claims/statements')
      .set(auth('reporter'))
      .send({
        claimId: 'c-army',
        text: 'The coalition struck the Syrian army.',
        topic: 'target',
        attribution: source,
        reportedAt,
      })
      .expect(201);
    expect(first.body).toMatchObject({ incidentId: 'claims', claimId: 'c-army', revision: 1 });
    const generated = await http()
      .post('/incidents/claims/casualty-reports')
      .set(auth('reporter'))
      .send({
        attribution: source,
        reportedAt,
        figures: [{ measure: 'killed', group: 'militia', min: 6, max: 6 }],
      })
      .expect(201);
    const figuresClaim = generated.body.claimId as string;
    expect(figuresClaim).toMatch(/^[a-z0-9][a-z0-9-]{2,63}$/);
    await http()
      .post(`/incidents/claims/claims/${figuresClaim}/revisions`)
      .set(auth('reporter'))
      .send({
        figures: [{ measure: 'killed', group: 'militia', min: 6, max: 8 }],
        attribution: source,
        reportedAt,
      })
      .expect(201);
    await refused(
      () =>
        http()
          .post('/incidents/claims/claims/c-army/corrections')
          .set(auth('reporter'))
          .send({ text: 'fixed', reason: 'typo' }),
      403,
    );
    await http()
      .post('/incidents/claims/claims/c-army/corrections')
      .set(auth('editor'))
      .send({ text: 'The coalition struck the Syrian army near At Tanf.', reason: 'typo' })
      .expect(201);
    await refused(
      () =>
        http()
          .post('/incidents/claims/claims/c-army/disputes')
          .set(auth('reporter'))
          .send({ disputedByClaimId: 'c-army' }),
      409,
    );
    await refused(
      () =>
        http()
          .post('/incidents/claims/claims/c-army/disputes')
          .set(auth('reporter'))
          .send({ disputedByClaimId: 'c-nowhere' }),
      404,
    );
    await refused(
      () =>
        http()
          .post('/incidents/claims/claims/c-nowhere/revisions')
          .set(auth('reporter'))
          .send({ text: 'x', attribution: source, reportedAt }),
      404,
    );
    await http()
      .post(`/incidents/claims/claims/c-army/disputes`)
      .set(auth('reporter'))
      .send({ disputedByClaimId: figuresClaim })
      .expect(201);
    await http()
      .post('/incidents/claims/claims/c-army/retractions')
      .set(auth('reporter'))
      .send({ attribution: source, reportedAt, reason: 'withdrawn' })
      .expect(201);
    await refused(
      () =>
        http()
          .post('/incidents/claims/claims/c-army/revisions')
          .set(auth('reporter'))
          .send({ text: 'again', attribution: source, reportedAt }),
      409,
    );
    const types = (await store.readStream('incident-claims')).map((e) => e.type);
    expect(types).toEqual([
      'IncidentOpened',
      'StatementReported',
      'CasualtyFiguresReported',
      'ClaimRevisedBySource',
      'ClaimCorrected',
      'ClaimDisputed',
      'ClaimRetracted',
    ]);
  });

  test('status and details: a change must change something', async () => {
    await open('status');
    await http()
      .post('/incidents/status/status')
      .set(auth('reporter'))
      .send({ status: 'confirmed', reason: 'coalition statement' })
      .expect(201);
    await refused(
      () =>
        http().post('/incidents/status/status').set(auth('reporter')).send({ status: 'confirmed' }),
      409,
    );
    await refused(
      () =>
        http().post('/incidents/status/status').set(auth('reporter')).send({ status: 'rumoured' }),
      400,
    );
    await http()
      .patch('/incidents/status')
      .set(auth('editor'))
      .send({ title: 'A new title', reason: 'clearer' })
      .expect(201);
    await http()
      .patch('/incidents/status')
      .set(auth('admin'))
      .send({ summary: null })
      .expect((res) => expect([201, 409]).toContain(res.status));
  });

  test('If-Match appends only at that revision, else 412 with currentRevision', async () => {
    await open('guarded');
    await http()
      .post('/incidents/guarded/status')
      .set(auth('reporter'))
      .set('If-Match', '"0"')
      .send({ status: 'disputed' })
      .expect(201);
    const stale = await refused(
      () =>
        http()
          .post('/incidents/guarded/status')
          .set(auth('reporter'))
          .set('If-Match', '"0"')
          .send({ status: 'confirmed' }),
      412,
    );
    expect(stale.currentRevision).toBe(1);
    await refused(
      () =>
        http()
          .post('/incidents/guarded/status')
          .set(auth('reporter'))
          .set('If-Match', 'yesterday')
          .send({ status: 'confirmed' }),
      400,
    );
  });

  test('Idempotency-Key: a retry returns the first response and appends nothing; another body is 422', async () => {
    const first = await http()
      .post('/incidents')
      .set(auth('reporter'))
      .set('Idempotency-Key', 'open-42')
      .send({ title: 'Keyed' })
      .expect(201);
    const head = await store.head();
    const again = await http()
      .post('/incidents')
      .set(auth('reporter'))
      .set('Idempotency-Key', 'open-42')
      .send({ title: 'Keyed' })
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(await store.head()).toBe(head);
    await refused(
      () =>
        http()
          .post('/incidents')
          .set(auth('reporter'))
          .set('Idempotency-Key', 'open-42')
          .send({ title: 'Other' }),
      422,
    );
    // Keys are per principal: the same key from someone else is a new request.
    const other = await http()
      .post('/incidents')
      .set(auth('editor'))
      .set('Idempotency-Key', 'open-42')
      .send({ title: 'Keyed' })
      .expect(201);
    expect(other.body.incidentId).not.toBe(first.body.incidentId);
  });

  test('concurrent writes without If-Match are decided again, never lost', async () => {
    await open('busy');
    const writes = Array.from({ length: 25 }, (_, i) =>
      http()
        .post('/incidents/busy/statements')
        .set(auth('reporter'))
        .send({ text: `update ${i}`, attribution: source, reportedAt }),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(201));
    const revisions = results.map((r) => r.body.revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await store.readStream('incident-busy')).toHaveLength(26);
  });

  test('a write sees events appended elsewhere since its last write (another instance)', async () => {
    await open('shared');
    await http()
      .post('/incidents/shared/status')
      .set(auth('reporter'))
      .send({ status: 'disputed' })
      .expect(201);
    // Another storyline instance on the same log records a status change.
    await store.append(
      'incident-shared',
      [
        {
          eventId: '5e1f0c9a-8d1e-4c1b-9a63-0d1f4b8e2a11',
          type: 'IncidentStatusChanged',
          data: { status: 'confirmed', previousStatus: 'disputed' },
          metadata: {
            recordedAt: new Date().toISOString(),
            recordedBy: 'elsewhere',
            correlationId: 'x',
            causationId: null,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 1 },
    );
    await refused(
      () =>
        http().post('/incidents/shared/status').set(auth('reporter')).send({ status: 'confirmed' }),
      409,
    );
    const res = await http()
      .post('/incidents/shared/status')
      .set(auth('reporter'))
      .set('If-Match', '"2"')
      .send({ status: 'closed' })
      .expect(201);
    expect(res.body.revision).toBe(3);
  });

  test('every response carries a request id', async () => {
    const res = await http().get('/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.body).toEqual({
      status: 'ok',
      store: 'sqlite',
      position: expect.stringMatching(/^\d+$/),
    });
  });
});
