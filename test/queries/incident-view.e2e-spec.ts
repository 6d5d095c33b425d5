import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { IncidentView } from '../../src/incidents/domain/view-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { foldedView } from '../projections/seed.js';
import { expectProblem, expectValidationProblem } from './problems.js';
import { seedStory } from './story.js';

describe('GET /incidents/:id', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);

  beforeAll(async () => {
    booted = await bootApp();
    await seedStory(booted.app);
  });
  afterAll(async () => {
    await booted.close();
  });

  test('the current view, with the revision as ETag', async () => {
    const res = await get('/incidents/at-tanf').expect(200);
    const view = res.body as IncidentView;
    expect(view).toEqual(await foldedView(booted.app, 'at-tanf'));
    expect(view.revision).toBe(6);
    expect(view.status).toBe('confirmed');
    expect(view.claims.find((claim) => claim.claimId === 'target-army')).toMatchObject({
      state: 'disputed',
      disputedBy: ['target-militia'],
    });
    expect(view.casualties).toEqual([
      expect.objectContaining({ measure: 'killed', min: 1, max: null }),
    ]);
    expect(res.headers.etag).toBe('"6"');
  });

  test('If-None-Match with the current ETag answers 304 without a body', async () => {
    const res = await get('/incidents/at-tanf').set('If-None-Match', '"6"').expect(304);
    expect(res.text).toBeFalsy();
    await get('/incidents/at-tanf').set('If-None-Match', '"5"').expect(200);
  });

  test('asOf: the events recorded by then', async () => {
    const res = await get('/incidents/at-tanf?asOf=2017-05-18T19:30:00Z').expect(200);
    const view = res.body as IncidentView;
    expect(view.revision).toBe(2);
    expect(res.headers.etag).toBe('"2"');
    expect(view.claims.map((claim) => claim.claimId)).toEqual(['target-army', 'centcom']);
    expect(view.status).toBe('developing');
    // an offset zone names the same instant
    const same = await get('/incidents/at-tanf?asOf=2017-05-18T21:30:00%2B02:00').expect(200);
    expect(same.body).toEqual(view);
  });

  test('asOf before the incident was recorded is a 404', async () => {
    expectProblem(await get('/incidents/at-tanf?asOf=2017-05-18T15:00:00Z'), 404);
  });

  test('reportedBy: reports published by then, even if recorded later', async () => {
    const res = await get('/incidents/at-tanf?reportedBy=2017-05-18T17:00:00Z').expect(200);
    const view = res.body as IncidentView;
    expect(view.claims.map((claim) => claim.claimId)).toEqual(['target-army', 'target-militia']);
    // the undated dispute (recorded 20:05) applies as soon as both claims are in the view
    expect(view.claims[0]).toMatchObject({ state: 'disputed', flags: ['disputed'] });
    expect(view.casualties).toEqual([]);
    expect(view.revision).toBe(4);
    expect(view.basis).toEqual({ reportedBy: '2017-05-18T17:00:00.000Z' });
    // the status change has no world time: it counts from its recordedAt (21:00)
    expect(view.status).toBe('developing');
  });

  test('reportedBy before every world time of the incident is a 404', async () => {
    expectProblem(await get('/incidents/at-tanf?reportedBy=2017-05-18T15:29:59Z'), 404);
  });

  test('asOf and reportedBy together: bitemporal', async () => {
    // as reported by 17:00, from what was recorded by 19:30: target-militia (said 16:30) came at 20:00
    const res = await get(
      '/incidents/at-tanf?reportedBy=2017-05-18T17:00:00Z&asOf=2017-05-18T19:30:00%2B00:00',
    ).expect(200);
    const view = res.body as IncidentView;
    expect(view.claims.map((claim) => claim.claimId)).toEqual(['target-army']);
    expect(view.revision).toBe(1);
    expect(view.basis).toEqual({
      reportedBy: '2017-05-18T17:00:00.000Z',
      asOf: '2017-05-18T19:30:00.000Z',
    });
    expectProblem(
      await get('/incidents/at-tanf?reportedBy=2017-05-18T17:00:00Z&asOf=2017-05-18T15:00:00Z'),
      404,
    );
    // asOf alone carries no basis: its revision is a real one
    const asOf = (await get('/incidents/at-tanf?asOf=2017-05-18T19:30:00Z').expect(200))
      .body as IncidentView;
    expect(asOf).not.toHaveProperty('basis');
  });

  test('revision: the view after that event', async () => {
    const res = await get('/incidents/at-tanf?revision=4').expect(200);
    const view = res.body as IncidentView;
    expect(view.revision).toBe(4);
    expect(res.headers.etag).toBe('"4"');
    expect(view.claims[0].state).toBe('disputed');
    expect(view.claims.map((claim) => claim.claimId)).not.toContain('masdar');
    const first = await get('/incidents/at-tanf?revision=0').expect(200);
    expect((first.body as IncidentView).claims).toEqual([]);
  });

  test('a revision beyond the latest is a 404', async () => {
    expectProblem(await get('/incidents/at-tanf?revision=7'), 404);
  });

  test('revision with asOf or reportedBy is a 400 naming them', async () => {
    expectValidationProblem(
      await get('/incidents/at-tanf?asOf=2017-05-18T19:30:00Z&revision=2'),
      'asOf',
      'revision',
    );
    expectValidationProblem(
      await get('/incidents/at-tanf?reportedBy=2017-05-18T19:30:00Z&revision=2'),
      'reportedBy',
      'revision',
    );
  });

  test.each([
    ['asOf=yesterday', 'asOf'],
    ['asOf=2017-05-18T19:30:00', 'asOf'],
    ['reportedBy=2017-13-45T00:00:00Z', 'reportedBy'],
    ['revision=-1', 'revision'],
    ['revision=1.5', 'revision'],
    ['revision=', 'revision'],
    ['revision=abc', 'revision'],
    ['revision=1&revision=2', 'revision'],
    ['colour=blue', 'colour'],
  ])('?%s is a 400 on %s', async (query, field) => {
    expectValidationProblem(await get(`/incidents/at-tanf?${query}`), field);
  });

  test('an unknown incident is a 404, now and in the past', async () => {
    expectProblem(await get('/incidents/no-such-incident'), 404);
    expectProblem(await get('/incidents/no-such-incident?revision=0'), 404);
    expectProblem(await get('/incidents/no-such-incident?asOf=2017-05-18T19:30:00Z'), 404);
  });
});
