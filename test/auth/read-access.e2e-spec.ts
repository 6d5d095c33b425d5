import { afterAll, beforeAll, describe, test } from '@jest/globals';
import request from 'supertest';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

describe('STORYLINE_PUBLIC_READ=false (test/queries/private-read covers the reads)', () => {
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
