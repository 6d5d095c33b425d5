import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { toRequest } from '../../src/demo-cli/command-request.js';
import { AT_TANF_INCIDENT_ID, atTanf2017Commands } from '../../src/incidents/demo/at-tanf-2017.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

const incident = `/incidents/${AT_TANF_INCIDENT_ID}`;

/** Records the whole At Tanf story through the public API, as a newsroom would. */
async function recordStory(url: string): Promise<void> {
  for (const command of atTanf2017Commands()) {
    const { method, path, body } = toRequest(command);
    const call = method === 'POST' ? request(url).post(path) : request(url).patch(path);
    await call.set(auth('editor')).send(body).expect(201);
  }
}

describe('the At Tanf story through the API', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
    await recordStory(booted.url);
  });
  afterAll(() => booted.close());

  test('the final view: the target claim disputed, casualties consolidated, status confirmed', async () => {
    const res = await request(booted.url).get(incident).expect(200);
    const view = res.body;
    expect(res.headers.etag).toBe(`"${view.revision}"`);
    expect(view.status).toBe('confirmed');
    const claim = (id: string) => view.claims.find((c: { claimId: string }) => c.claimId === id);
    expect(claim('c01-target-syrian-army')).toMatchObject({
      state: 'disputed',
      disputedBy: ['c08-target-militia'],
    });
    expect(claim('c08-target-militia').text).toMatch(/militia allied with the Syrian Arab Army/);

    const killed = view.casualties.find(
      (c: { measure: string; group: string }) =>
        c.measure === 'killed' && c.group === 'pro-government militia',
    );
    expect(killed).toMatchObject({ min: 1, max: null });
    expect(killed.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: 'c11-al-masdar-casualties', min: 6, max: 6 }),
        expect.objectContaining({ claimId: 'c14-casualties-believed', min: 1, max: null }),
      ]),
    );
    const injured = view.casualties.find(
      (c: { measure: string; group: string }) =>
        c.measure === 'injured' && c.group === 'pro-government militia',
    );
    expect(injured).toMatchObject({ min: 3, max: 3 });
    expect(claim('c14-casualties-believed').figures).toEqual([
      expect.objectContaining({
        measure: 'killed',
        min: 1,
        max: null,
        wording: 'casualties believed',
      }),
    ]);
  });

  test('reportedBy 17:00: only what had been reported by then, still developing', async () => {
    const res = await request(booted.url)
      .get(incident)
      .query({ reportedBy: '2017-05-18T17:00:00Z' })
      .expect(200);
    const ids = res.body.claims.map((c: { claimId: string }) => c.claimId);
    expect(ids).toEqual([
      'c01-target-syrian-army',
      'c02-force-protection',
      'c03-warning-shots',
      'c04-casualties-unknown',
      'c05-militia-nearby',
      'c06-rebels-notified-coalition',
      'c07-convoy-ignored-warnings',
    ]);
    expect(res.body.status).toBe('developing');
    expect(res.body.claims[0].state).toBe('active');
    expect(res.body.casualties).toEqual([]);
  });

  test("the disputed claim's history: who recorded each change, when, and the claim after it", async () => {
    const res = await request(booted.url)
      .get(`${incident}/claims/c01-target-syrian-army/history`)
      .expect(200);
    expect(res.body.claimId).toBe('c01-target-syrian-army');
    expect(res.body.versions.map((v: { type: string }) => v.type)).toEqual([
      'StatementReported',
      'ClaimDisputed',
    ]);
    const [reported, disputed] = res.body.versions;
    expect(reported).toMatchObject({ recordedBy: 'eddie', claim: { state: 'active' } });
    expect(reported.reportedAt).toBe('2017-05-18T15:30:00.000Z');
    expect(disputed).toMatchObject({
      recordedBy: 'eddie',
      claim: { state: 'disputed', disputedBy: ['c08-target-militia'] },
    });
    expect(disputed.revision).toBeGreaterThan(reported.revision);
  });

  test('the timeline reads as one line per update', async () => {
    const res = await request(booted.url)
      .get(`${incident}/timeline`)
      .query({ limit: 100 })
      .expect(200);
    const summaries = res.body.items.map((e: { summary: string }) => e.summary);
    expect(summaries).toHaveLength(atTanf2017Commands().length);
    expect(summaries).toContainEqual(
      expect.stringContaining('Al-Masdar News: 6 killed, 3 injured (pro-government militia)'),
    );
    expect(res.body.nextCursor).toBeUndefined();
  });

  test('the list shows the incident', async () => {
    const res = await request(booted.url).get('/incidents').expect(200);
    expect(res.body.items.map((i: { incidentId: string }) => i.incidentId)).toContain(
      AT_TANF_INCIDENT_ID,
    );
  });
});

describe('restart on the same file', () => {
  test('views, timeline and positions carry on', async () => {
    const first = await bootApp();
    await recordStory(first.url);
    const before = (await request(first.url).get(incident).expect(200)).body;
    const timelineBefore = (await request(first.url).get(`${incident}/timeline`).expect(200)).body;
    await first.stop();

    const second = await bootApp({ dir: first.dir });
    try {
      const after = (await request(second.url).get(incident).expect(200)).body;
      expect(after).toEqual(before);
      const write = await request(second.url)
        .post(`${incident}/status`)
        .set(auth('reporter'))
        .send({ status: 'acknowledged', reason: 'after the restart' })
        .expect(201);
      expect(write.body.revision).toBe(before.revision + 1);
      expect(BigInt(write.body.position)).toBeGreaterThan(BigInt(before.position));
      const timelineAfter = (await request(second.url).get(`${incident}/timeline`).expect(200))
        .body;
      expect(timelineAfter.items.slice(0, -1)).toEqual(timelineBefore.items);
      expect(timelineAfter.items.at(-1)).toMatchObject({
        type: 'IncidentStatusChanged',
        revision: before.revision + 1,
      });
      expect((await request(second.url).get(incident).expect(200)).body.status).toBe(
        'acknowledged',
      );
    } finally {
      await second.close();
    }
  });
});
