import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { TOKENS, bootApp, type BootedApp } from '../support/boot.js';

type Credential = 'none' | 'unknown' | 'reporter' | 'editor' | 'admin';
const CREDENTIALS: Credential[] = ['none', 'unknown', 'reporter', 'editor', 'admin'];
const RANK = { reporter: 1, editor: 2, admin: 3 } as const;

/** Every write route and the role it needs (API.md). */
const WRITES: [method: 'post' | 'patch', path: string, role: keyof typeof RANK][] = [
  ['post', '/incidents', 'reporter'],
  ['patch', '/incidents/matrix', 'editor'],
  ['post', '/incidents/matrix/status', 'reporter'],
  ['post', '/incidents/matrix/statements', 'reporter'],
  ['post', '/incidents/matrix/casualty-reports', 'reporter'],
  ['post', '/incidents/matrix/claims/c-1/revisions', 'reporter'],
  ['post', '/incidents/matrix/claims/c-1/corrections', 'editor'],
  ['post', '/incidents/matrix/claims/c-1/disputes', 'reporter'],
  ['post', '/incidents/matrix/claims/c-1/retractions', 'reporter'],
  ['post', '/admin/projections/rebuild', 'admin'],
];
const READS = [
  '/incidents',
  '/incidents/matrix',
  '/incidents/matrix?revision=0',
  '/incidents/matrix/timeline',
  '/incidents/matrix/diff?from=0&to=1',
  '/incidents/matrix/claims/c-1/history',
  '/events',
];
const OPEN = ['/health', '/docs/json'];

function withCredential(req: request.Test, credential: Credential): request.Test {
  if (credential === 'none') return req;
  const token = credential === 'unknown' ? 'unknown-token-0123456789' : TOKENS[credential];
  return req.set('Authorization', `Bearer ${token}`);
}

for (const publicRead of [true, false]) {
  describe(`auth matrix with STORYLINE_PUBLIC_READ=${publicRead}`, () => {
    let booted: BootedApp;
    beforeAll(async () => {
      booted = await bootApp({ env: { STORYLINE_PUBLIC_READ: String(publicRead) } });
      await withCredential(request(booted.url).post('/incidents'), 'admin')
        .send({ incidentId: 'matrix', title: 'Matrix' })
        .expect(201);
      await withCredential(request(booted.url).post('/incidents/matrix/statements'), 'admin')
        .send({
          claimId: 'c-1',
          text: 'claim',
          attribution: [{ name: 'Reuters', kind: 'wire' }],
          reportedAt: '2017-05-18T19:05:00Z',
        })
        .expect(201);
    });
    afterAll(() => booted.close());

    test.each(WRITES.flatMap((w) => CREDENTIALS.map((c) => [...w, c] as const)))(
      '%s %s (needs %s) with %s',
      async (method, path, role, credential) => {
        const res = await withCredential(request(booted.url)[method](path), credential).send({});
        const body = JSON.stringify(res.body);
        if (credential === 'none' || credential === 'unknown') expect(res.status).toBe(401);
        else if (RANK[credential] < RANK[role]) expect(res.status).toBe(403);
        else expect([401, 403]).not.toContain(res.status);
        for (const token of Object.values(TOKENS)) expect(body).not.toContain(token);
      },
    );

    test.each(READS.flatMap((r) => CREDENTIALS.map((c) => [r, c] as const)))(
      'GET %s with %s',
      async (path, credential) => {
        const res = await withCredential(request(booted.url).get(path), credential);
        if (credential === 'unknown') expect(res.status).toBe(401);
        else if (credential === 'none' && !publicRead) expect(res.status).toBe(401);
        else expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).not.toContain(TOKENS.reporter);
      },
    );

    test.each(OPEN)('%s stays open without a token', async (path) => {
      await request(booted.url).get(path).expect(200);
    });
  });
}
