/** API.md deviations found in the pre-release audit, each pinned by the request that showed it. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { expectProblem, expectValidationProblem } from '../queries/problems.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

const source = [{ name: 'Reuters', kind: 'wire' }];
const reportedAt = '2017-05-18T19:05:00Z';

describe('HTTP contract (API.md)', () => {
  let booted: BootedApp;
  let store: EventStore;
  const http = () => request(booted.url);

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await http()
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: 'contract', title: 'A strike' })
      .expect(201);
    await http()
      .post('/incidents/contract/statements')
      .set(auth('reporter'))
      .send({ claimId: 'claim-one', text: 'It happened', attribution: source, reportedAt })
      .expect(201);
  });
  afterAll(() => booted.close());

  /** Runs a request that must fail and asserts it appended nothing. */
  async function refused(run: () => request.Test): Promise<request.Response> {
    const before = await store.head();
    const res = await run();
    expect(await store.head()).toBe(before);
    return res;
  }

  test('malformed JSON is a 400 malformed-json problem without the parser message', async () => {
    const res = await refused(() =>
      http()
        .post('/incidents')
        .set(auth('reporter'))
        .set('Content-Type', 'application/json')
        .send('{"title": nul'),
    );
    expectProblem(res, 400);
    expect(res.body.type).toBe('urn:storyline:problem:malformed-json');
    expect(res.body.detail).not.toMatch(/token|JSON input|position/i);
  });

  test('a body over the limit is a 413 body-too-large problem', async () => {
    const res = await refused(() =>
      http()
        .post('/incidents')
        .set(auth('reporter'))
        .send({ title: 'x'.repeat(70 * 1024) }),
    );
    expectProblem(res, 413);
    expect(res.body.type).toBe('urn:storyline:problem:body-too-large');
  });

  test('unknown query parameters on writes are rejected, not ignored', async () => {
    const res = await refused(() =>
      http()
        .post('/incidents/contract/status?dryRun=true')
        .set(auth('reporter'))
        .send({ status: 'confirmed' }),
    );
    expectValidationProblem(res, 'dryRun');
  });

  test('unknown query parameters on the claim and its history are rejected', async () => {
    expectValidationProblem(await http().get('/incidents/contract/claims/claim-one?x=1'), 'x');
    expectValidationProblem(
      await http().get('/incidents/contract/claims/claim-one/history?x=1'),
      'x',
    );
  });

  test('unknown query parameters on the admin rebuild are rejected', async () => {
    const res = await http().post('/admin/projections/rebuild?force=1').set(auth('admin'));
    expectValidationProblem(res, 'force');
  });

  test('If-Match on an unknown incident is a 404, not a 412 with currentRevision -1', async () => {
    const res = await refused(() =>
      http()
        .patch('/incidents/no-such-incident')
        .set(auth('editor'))
        .set('If-Match', '"0"')
        .send({ title: 'New title' }),
    );
    expectProblem(res, 404);
    expect(res.body.currentRevision).toBeUndefined();
  });

  test('an impossible calendar date is a 400, not silently moved to another day', async () => {
    const res = await refused(() =>
      http()
        .post('/incidents/contract/statements')
        .set(auth('reporter'))
        .send({ text: 'Later', attribution: source, reportedAt: '2017-02-30T10:00:00Z' }),
    );
    expectValidationProblem(res, 'reportedAt');
    expectValidationProblem(
      await http().get('/incidents/contract?asOf=2017-04-31T00:00:00Z'),
      'asOf',
    );
  });
});
