import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { expectProblem } from './problems.js';
import { seedStory } from './story.js';

describe('read routes with STORYLINE_PUBLIC_READ=false', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ env: { STORYLINE_PUBLIC_READ: 'false' } });
    await seedStory(booted.app);
  });
  afterAll(async () => {
    await booted.close();
  });

  test.each([
    '/incidents',
    '/incidents/at-tanf',
    '/incidents/at-tanf?revision=2',
    '/incidents/at-tanf/timeline',
    '/incidents/at-tanf/claims/masdar',
    '/incidents/at-tanf/claims/masdar/history',
    '/incidents/at-tanf/diff?from=0&to=3',
    '/events',
  ])('%s needs a token', async (path) => {
    expectProblem(await request(booted.url).get(path), 401);
    expectProblem(await request(booted.url).get(path).set('Authorization', 'Bearer wrong'), 401);
    const res = await request(booted.url).get(path).set(auth('reporter'));
    expect(res.status).toBe(200);
  });
});
