import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { SourceRecord } from '../../src/sources/source-queries.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { expectProblem, expectValidationProblem } from '../queries/problems.js';
import { writer, writeStory } from './analyst-story.js';

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

describe('GET /sources and a source’s claims', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);
  const records = async (query = '') =>
    ((await get(`/sources?${query}`).expect(200)).body as Page<SourceRecord>).items;

  beforeAll(async () => {
    booted = await bootApp();
    await writeStory(booted.url);
  });
  afterAll(async () => booted.close());

  test('track records, most claims first', async () => {
    const all = await records();
    expect(all[0]).toEqual({
      name: 'Reuters',
      kind: 'wire',
      claims: 4,
      asOriginal: 0,
      asRelay: 4,
      revised: 1,
      corrected: 0,
      disputed: 1,
      supported: 0,
      retracted: 0,
      firstReportedAt: '2023-10-17T19:00:00.000Z',
      lastReportedAt: '2023-11-01T10:00:00.000Z',
    });
    const hagari = all.find((record) => record.name === 'Daniel Hagari');
    expect(hagari).toMatchObject({ kind: 'military', claims: 1, asOriginal: 1, asRelay: 0 });
    expect(hagari).toMatchObject({ revised: 1, firstReportedAt: '2023-10-18T08:00:00.000Z' });
    expect(hagari?.lastReportedAt).toBe('2023-10-18T12:00:00.000Z');
    expect(all.map((record) => record.name).sort()).toEqual(
      [
        'Reuters',
        'Daniel Hagari',
        'Al Jazeera',
        'Gaza Health Ministry',
        'a US official',
        'City police',
      ].sort(),
    );
  });

  test('q (part of the name, any case) and kind filter; the cursor carries them', async () => {
    expect((await records('q=HEALTH')).map((record) => record.name)).toEqual([
      'Gaza Health Ministry',
    ]);
    expect((await records('kind=official')).map((record) => record.name).sort()).toEqual([
      'City police',
      'a US official',
    ]);
    const first = (await get('/sources?kind=official&limit=1').expect(200))
      .body as Page<SourceRecord>;
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    const second = (await get(`/sources?cursor=${cursor}`).expect(200)).body as Page<SourceRecord>;
    expect([...first.items, ...second.items].map((record) => record.kind)).toEqual([
      'official',
      'official',
    ]);
    expect(second.nextCursor).toBeUndefined();
    expectValidationProblem(await get(`/sources?kind=wire&cursor=${cursor}`), 'cursor');
    expectValidationProblem(await get(`/search?cursor=${cursor}`), 'cursor');
  });

  test('a source’s claims across incidents, in pages; unknown source 404', async () => {
    const first = (await get('/sources/wire/REUTERS/claims?limit=3').expect(200)).body as Page<{
      incidentId: string;
      claim: { claimId: string };
    }>;
    expect(first.items.map((item) => [item.incidentId, item.claim.claimId])).toEqual([
      ['al-ahli', 'hagari-misfire'],
      ['al-ahli', 'ministry-471'],
      ['al-ahli', 'us-intel'],
    ]);
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    const second = (await get(`/sources/wire/reuters/claims?cursor=${cursor}`).expect(200))
      .body as Page<{ incidentId: string; claim: { claimId: string } }>;
    expect(second.items.map((item) => item.claim.claimId)).toEqual(['cafe-police']);
    expectValidationProblem(
      await get(`/sources/military/daniel%20hagari/claims?cursor=${cursor}`),
      'cursor',
    );
    expectProblem(await get('/sources/wire/Nobody/claims'), 404);
    expectProblem(await get('/sources/outlet/Reuters/claims'), 404);
    expectValidationProblem(await get('/sources/bogus/Reuters/claims'), 'kind');
    expectValidationProblem(await get('/sources/wire/Reuters/claims?limit=0'), 'limit');
  });

  test('a correction that changes the chain moves the counts', async () => {
    await writer(booted.url).post(
      '/incidents/cafe-blast/claims/cafe-police/corrections',
      {
        attribution: [{ name: 'City police', kind: 'official' }],
        reason: 'Reuters did not carry it',
      },
      'editor',
    );
    const reuters = (await records('q=reuters'))[0];
    expect(reuters).toMatchObject({ claims: 3, asRelay: 3 });
    expect(reuters.lastReportedAt).toBe('2023-10-18T18:00:00.000Z');
    const police = (await records('q=city'))[0];
    expect(police).toMatchObject({ claims: 1, corrected: 1, asOriginal: 1 });
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['kind=blogger', 'kind'],
    ['q=', 'q'],
    ['cursor=nope', 'cursor'],
    ['sort=name', 'sort'],
  ])('GET /sources?%s is a 400', async (query, field) => {
    expectValidationProblem(await get(`/sources?${query}`), field);
  });
});
