import { afterAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { ProjectionRunner } from '../../src/incidents/projections/projection-runner.js';
import { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

const attribution = [{ name: 'Al-Masdar News', kind: 'outlet' }];

async function report(url: string, incidentId: string, n: number) {
  const res = await request(url)
    .post(`/incidents/${incidentId}/statements`)
    .set(auth('reporter'))
    .send({
      claimId: `claim-${n}`,
      text: `Report ${n}`,
      attribution,
      reportedAt: '2017-05-18T19:05:00Z',
    })
    .expect(201);
  return res.body as { revision: number; position: string };
}

describe('restart on the same file', () => {
  const booted: BootedApp[] = [];
  afterAll(async () => {
    for (const app of booted) await app.close();
  });

  test('views, timeline and positions carry on; the runner resumes from its checkpoint', async () => {
    const first = await bootApp();
    booted.push(first);
    await request(first.url)
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: 'restarted', title: 'Survives a restart', tags: ['syria'] })
      .expect(201);
    // read-your-writes: each GET right after a 201 sees the write
    for (let n = 0; n < 3; n++) {
      const written = await report(first.url, 'restarted', n);
      const view = await request(first.url).get('/incidents/restarted').expect(200);
      expect(view.headers.etag).toBe(`"${written.revision}"`);
    }
    const view = (await request(first.url).get('/incidents/restarted').expect(200)).body as unknown;
    const timeline = (await request(first.url).get('/incidents/restarted/timeline').expect(200))
      .body as { items: { revision: number }[] };
    const checkpoint = first.app.get(ReadModelDatabase).checkpoint();
    expect(first.app.get(ProjectionRunner).position()).toBe(checkpoint);
    await first.stop();

    const second = await bootApp({ dir: first.dir });
    booted.push(second);
    // the checkpoint was read back, not rebuilt from 0
    expect(second.app.get(ProjectionRunner).position()).toBe(checkpoint);
    expect((await request(second.url).get('/incidents/restarted').expect(200)).body).toEqual(view);
    expect(
      (await request(second.url).get('/incidents/restarted/timeline').expect(200)).body,
    ).toEqual(timeline);
    const next = await report(second.url, 'restarted', 3);
    expect(next.revision).toBe(4);
    expect(BigInt(next.position)).toBeGreaterThan(BigInt(checkpoint));
    const after = (await request(second.url).get('/incidents/restarted/timeline').expect(200))
      .body as {
      items: { revision: number }[];
    };
    expect(after.items.map((entry) => entry.revision)).toEqual([0, 1, 2, 3, 4]);
    const claims = (await request(second.url).get('/incidents/restarted').expect(200)).body as {
      claims: { claimId: string; versions: number }[];
    };
    expect(claims.claims.map((claim) => [claim.claimId, claim.versions])).toEqual([
      ['claim-0', 1],
      ['claim-1', 1],
      ['claim-2', 1],
      ['claim-3', 1],
    ]);
  });
});
