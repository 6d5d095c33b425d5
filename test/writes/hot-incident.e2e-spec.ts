import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE } from '../../src/event-store/event-store.js';
import type { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

const INCIDENT = 'hot-incident';
const WRITES = 20;

describe('many concurrent writes to one incident over HTTP', () => {
  let booted: BootedApp;
  const http = () => request(booted.url);

  beforeAll(async () => {
    booted = await bootApp();
    await http()
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: INCIDENT, title: 'Breaking' })
      .expect(201);
  });
  afterAll(() => booted.close());

  test('each gets its own 201 and revision, and a GET after sees them all', async () => {
    const store = booted.app.get<SqliteEventStore>(EVENT_STORE);
    const before = store.stats();
    const statement = (i: number) => ({
      claimId: `hot-claim-${i}`,
      text: `Statement ${i}`,
      attribution: [{ name: 'Reuters', kind: 'wire' }],
      reportedAt: '2017-05-18T19:05:00Z',
    });
    // fetch, not supertest: all the requests are on the wire at once
    const answers = await Promise.all(
      Array.from({ length: WRITES }, async (_, i) => {
        const response = await fetch(`${booted.url}/incidents/${INCIDENT}/statements`, {
          method: 'POST',
          headers: { ...auth('reporter'), 'content-type': 'application/json' },
          body: JSON.stringify(statement(i)),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const revisions = answers.map((a) => (a.body as { revision: number }).revision);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions.map((_, i) => i + 1));
    answers.forEach((a, i) => expect(a.body).toMatchObject({ claimId: `hot-claim-${i}` }));
    const after = store.stats();
    expect(after.events - before.events).toBe(WRITES);
    // how many commits they shared depends on how the requests arrive (decide-batch.spec.ts pins it)
    expect(after.commits - before.commits).toBeLessThanOrEqual(WRITES);

    const view = await http().get(`/incidents/${INCIDENT}`).expect(200);
    expect(view.body).toMatchObject({ revision: WRITES });
    const claimIds = (view.body as { claims: { claimId: string }[] }).claims.map((c) => c.claimId);
    expect(claimIds).toHaveLength(WRITES);
  });
});
