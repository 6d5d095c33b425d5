import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { IncidentSummary } from '../../src/incidents/wire/incident-summary.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { seed } from '../projections/seed.js';
import { casualties, opened, statusChanged } from '../support/incident-events.js';
import { expectValidationProblem } from './problems.js';

interface ListPage {
  items: IncidentSummary[];
  nextCursor?: string;
}

describe('GET /incidents', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);

  async function collect(
    query: string,
    from?: string,
  ): Promise<{ items: IncidentSummary[]; pages: number }> {
    const items: IncidentSummary[] = [];
    let cursor = from;
    let pages = 0;
    do {
      const suffix = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await get(`/incidents?${query}${suffix}`).expect(200);
      const page = res.body as ListPage;
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    return { items, pages };
  }

  beforeAll(async () => {
    booted = await bootApp();
    for (let i = 0; i < 23; i++) {
      const id = `incident-${String(i).padStart(2, '0')}`;
      const tags = i % 3 === 0 ? ['syria', 'airstrike'] : ['iraq'];
      await seed(booted.app, id, [
        opened(id, i === 7 ? 'Convoy hit near AT TANF' : `Report ${i}`, tags),
      ]);
      if (i % 4 === 0) await seed(booted.app, id, [statusChanged('confirmed', 'developing')]);
    }
    await seed(booted.app, 'incident-05', [casualties('toll', [3, 5], '2017-05-18T19:00:00Z')]);
  });
  afterAll(async () => {
    await booted.close();
  });

  test('most recently updated first, with the summary fields', async () => {
    const page = (await get('/incidents').expect(200)).body as ListPage;
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(page.items[0]).toEqual({
      incidentId: 'incident-05',
      title: 'Report 5',
      status: 'developing',
      tags: ['iraq'],
      location: { name: 'At Tanf' },
      occurredAt: null,
      updatedAt: expect.any(String),
      revision: 1,
      position: expect.any(String),
      claimCount: 1,
      casualties: [{ measure: 'killed', group: 'pro-government militia', min: 3, max: 5 }],
    });
    const positions = page.items.map((item) => BigInt(item.position));
    expect([...positions].sort((a, b) => (a > b ? -1 : 1))).toEqual(positions);
  });

  test('paging through every incident: each exactly once, in order', async () => {
    const { items, pages } = await collect('limit=7');
    expect(pages).toBe(4);
    expect(items).toHaveLength(23);
    expect(new Set(items.map((item) => item.incidentId)).size).toBe(23);
    const first = (await get('/incidents?limit=100').expect(200)).body as ListPage;
    expect(first.nextCursor).toBeUndefined();
    expect(items).toEqual(first.items);
  });

  test('an incident updated while paging is not listed twice', async () => {
    const first = (await get('/incidents?limit=5').expect(200)).body as ListPage;
    const seen = first.items[2].incidentId;
    await seed(booted.app, seen, [statusChanged('closed', 'developing')]);
    const rest = await collect('limit=5', first.nextCursor);
    expect(rest.items.map((item) => item.incidentId)).not.toContain(seen);
    const ids = [...first.items, ...rest.items].map((item) => item.incidentId);
    expect(ids).toHaveLength(23);
    expect(new Set(ids).size).toBe(23);
  });

  test('filters by status, tag and text', async () => {
    const confirmed = await collect('status=confirmed&limit=2');
    expect(confirmed.items.map((item) => item.incidentId).sort()).toEqual(
      [
        'incident-00',
        'incident-04',
        'incident-08',
        'incident-12',
        'incident-16',
        'incident-20',
      ].filter((id) => id !== 'incident-05'),
    );
    const syria = await collect('tag=syria');
    expect(syria.items).toHaveLength(8);
    expect(syria.items.every((item) => item.tags.includes('syria'))).toBe(true);
    const text = await collect('q=at%20tanf');
    expect(text.items.map((item) => item.incidentId)).toEqual(
      expect.arrayContaining(['incident-07']),
    );
    // every incident's place name is At Tanf; the title match is case-insensitive
    expect(text.items).toHaveLength(23);
    const convoy = await collect('q=CONVOY');
    expect(convoy.items.map((item) => item.incidentId)).toEqual(['incident-07']);
    const none = (await get('/incidents?tag=syria&status=closed&q=nothing-like-this').expect(200))
      .body as ListPage;
    expect(none).toEqual({ items: [] });
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['status=rumoured', 'status'],
    ['q=', 'q'],
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from('{"k":"1; DROP TABLE"}').toString('base64url')}`, 'cursor'],
    ['sort=title', 'sort'],
  ])('?%s is a 400 on %s', async (query, field) => {
    expectValidationProblem(await get(`/incidents?${query}`), field);
  });
});
