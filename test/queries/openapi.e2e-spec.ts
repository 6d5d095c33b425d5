import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { bootApp, type BootedApp } from '../support/boot.js';

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
  description?: string;
}

describe('the read routes in /docs', () => {
  let booted: BootedApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    booted = await bootApp();
    const res = await request(booted.url).get('/docs/json').expect(200);
    paths = (res.body as { paths: Record<string, Record<string, Operation>> }).paths;
  });
  afterAll(async () => {
    await booted.close();
  });

  test.each([
    ['/incidents', 'get', ['status', 'tag', 'q', 'limit', 'cursor']],
    ['/incidents/{id}', 'get', ['id', 'asOf', 'reportedBy', 'revision', 'If-None-Match']],
    ['/incidents/{id}/timeline', 'get', ['id', 'after', 'limit', 'order', 'by', 'cursor']],
    ['/incidents/{id}/claims/{claimId}', 'get', ['id', 'claimId']],
    ['/incidents/{id}/claims/{claimId}/history', 'get', ['id', 'claimId']],
    ['/incidents/{id}/diff', 'get', ['id', 'from', 'to']],
    ['/events', 'get', ['after', 'limit', 'incidentId']],
    [
      '/incidents/{id}/claims',
      'get',
      ['id', 'state', 'flag', 'topic', 'kind', 'source', 'q', 'limit', 'cursor'],
    ],
    ['/search', 'get', ['q', 'limit', 'cursor']],
    ['/sources', 'get', ['q', 'kind', 'limit', 'cursor']],
    ['/sources/{kind}/{name}/claims', 'get', ['kind', 'name', 'limit', 'cursor']],
    ['/incidents/{id}/claims.csv', 'get', ['id']],
    ['/incidents/{id}/casualties.csv', 'get', ['id']],
    ['/admin/projections/rebuild', 'post', []],
  ])('%s %s documents its parameters, answer and errors', (path, method, parameters) => {
    const operation = paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(operation.description).toEqual(expect.any(String));
    expect((operation.parameters ?? []).map((p) => p.name).sort()).toEqual([...parameters].sort());
    const statuses = Object.keys(operation.responses);
    expect(statuses).toContain(method === 'post' ? '202' : '200');
    expect(statuses.some((status) => status.startsWith('4'))).toBe(true);
  });

  test.each([
    ['/incidents', 100, 20, 500],
    ['/incidents/{id}/timeline', 1000, 100, 500],
    ['/incidents/{id}/claims', 500, 100, 1000],
    ['/search', 100, 20, 1000],
    ['/sources', 100, 50, 1000],
    ['/sources/{kind}/{name}/claims', 500, 100, 1000],
    ['/events', 1000, 100, undefined],
  ])('%s documents its page size and cursor bounds', (path, maximum, size, cursorLength) => {
    const parameter = (name: string) =>
      paths[path].get.parameters?.find((p) => p.name === name) as
        { description?: string; schema: Record<string, unknown> } | undefined;
    expect(parameter('limit')).toMatchObject({
      description: expect.any(String),
      schema: { type: 'integer', minimum: 1, maximum, default: size },
    });
    // /events pages by position (`after`), not by cursor
    expect(parameter('cursor')).toEqual(
      cursorLength === undefined
        ? undefined
        : expect.objectContaining({
            description: expect.stringContaining('nextCursor'),
            schema: expect.objectContaining({
              type: 'string',
              minLength: 1,
              maxLength: cursorLength,
            }),
          }),
    );
  });

  test('the view documents its ETag header', () => {
    expect(paths['/incidents/{id}'].get.responses['200'].headers).toHaveProperty('ETag');
  });
});
