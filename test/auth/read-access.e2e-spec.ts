import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

describe('STORYLINE_PUBLIC_READ=false: every read needs a token', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ env: { STORYLINE_PUBLIC_READ: 'false' } });
    await request(booted.url)
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: 'private', title: 'x' })
      .expect(201);
  });
  afterAll(() => booted.close());

  test.each(['/incidents', '/incidents/private', '/incidents/private/timeline', '/events'])(
    'GET %s: 401 without a token, 200 with any role',
    async (path) => {
      const refused = await request(booted.url).get(path).expect(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      await request(booted.url).get(path).set(auth('reporter')).expect(200);
    },
  );

  test('health stays open for load balancers and container health checks', async () => {
    await request(booted.url).get('/health').expect(200);
  });
});

describe('public reads', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted.close());

  test('need no token, but a bad token is refused rather than ignored', async () => {
    await request(booted.url).get('/incidents').expect(200);
    await request(booted.url)
      .get('/incidents')
      .set('Authorization', 'Bearer wrong-token-000000')
      .expect(401);
  });

  test('only an admin may rebuild projections', async () => {
    await request(booted.url).post('/admin/projections/rebuild').expect(401);
    await request(booted.url).post('/admin/projections/rebuild').set(auth('editor')).expect(403);
  });
});
