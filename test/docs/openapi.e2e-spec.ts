import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { bootApp, type BootedApp } from '../support/boot.js';

/** The write routes and /health (test/queries/openapi covers the reads), as OpenAPI spells them. */
const ROUTES: [string, string][] = [
  ['post', '/incidents'],
  ['patch', '/incidents/{id}'],
  ['post', '/incidents/{id}/status'],
  ['post', '/incidents/{id}/statements'],
  ['post', '/incidents/{id}/casualty-reports'],
  ['post', '/incidents/{id}/claims/{claimId}/revisions'],
  ['post', '/incidents/{id}/claims/{claimId}/corrections'],
  ['post', '/incidents/{id}/claims/{claimId}/disputes'],
  ['post', '/incidents/{id}/claims/{claimId}/retractions'],
  ['get', '/health'],
];

type Operation = {
  responses: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
};

describe('the write routes and health in /docs', () => {
  let booted: BootedApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    booted = await bootApp();
    paths = (await request(booted.url).get('/docs/json').expect(200)).body.paths;
  });
  afterAll(() => booted.close());

  test('the description covers errors, auth and the live feed protocol', async () => {
    const description = (await request(booted.url).get('/docs/json').expect(200)).body.info
      .description as string;
    for (const words of [
      'problem+json',
      'Bearer',
      '/feed',
      'subscribe',
      'unsubscribe',
      'reset',
      'head',
    ]) {
      expect(description).toContain(words);
    }
  });

  test('the UI is served', async () => {
    const res = await request(booted.url).get('/docs').redirects(1).expect(200);
    expect(res.text).toMatch(/swagger/i);
  });

  test.each(ROUTES)('%s %s is described with its responses', (method, path) => {
    const operation = paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
  });

  test('writes document their errors and the If-Match and Idempotency-Key headers', () => {
    for (const [method, path] of ROUTES.filter(
      ([m, p]) => m !== 'get' && !p.startsWith('/admin'),
    )) {
      const operation = paths[path][method];
      expect(Object.keys(operation.responses)).toEqual(
        expect.arrayContaining([
          '201',
          '400',
          '401',
          '403',
          '404',
          '409',
          '412',
          '413',
          '415',
          '422',
        ]),
      );
      const headers = (operation.parameters ?? [])
        .filter((p) => p.in === 'header')
        .map((p) => p.name);
      expect(headers).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
    }
  });
});
