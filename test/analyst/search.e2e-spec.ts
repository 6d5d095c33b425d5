import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { IncidentSummary } from '../../src/incidents/wire/incident-summary.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { expectValidationProblem } from '../queries/problems.js';
import { ARABIC_TEXT, writeStory } from './analyst-story.js';

interface Hit {
  incidentId: string;
  claimId: string;
  text: string;
  source: string;
  reportedAt: string;
  state: string;
}

describe('full-text search: GET /incidents?q= and GET /search', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);
  const ids = async (path: string) =>
    ((await get(path).expect(200)).body as { items: IncidentSummary[] }).items.map(
      (item) => item.incidentId,
    );
  const hits = async (q: string) =>
    ((await get(`/search?q=${encodeURIComponent(q)}`).expect(200)).body as { items: Hit[] }).items;

  beforeAll(async () => {
    booted = await bootApp();
    await writeStory(booted.url);
  });
  afterAll(async () => booted.close());

  test('every word must match, across fields, claims and sources; the last is a prefix', async () => {
    expect(await ids('/incidents?q=hospital%20explosion')).toEqual(['al-ahli']);
    expect(await ids('/incidents?q=Hagari')).toEqual(['al-ahli']);
    // "hospital" from the title, "radar" from a claim's revision, "reut" a prefix of a relay
    expect(await ids('/incidents?q=hospital%20radar%20reut')).toEqual(['al-ahli']);
    expect(await ids('/incidents?q=gaza')).toEqual(['al-ahli']); // a tag and a place
    expect(await ids('/incidents?q=hospital%20gas')).toEqual([]);
    // a word in both: ranked, both found
    expect((await ids('/incidents?q=explosion')).sort()).toEqual(['al-ahli', 'cafe-blast']);
  });

  test('diacritics and case are folded; Arabic is found', async () => {
    expect(await ids('/incidents?q=CAFE')).toEqual(['cafe-blast']);
    expect(await ids('/incidents?q=caf%C3%A9')).toEqual(['cafe-blast']);
    const arabic = await hits('الانفجار');
    expect(arabic.map((hit) => hit.claimId)).toEqual(['jazeera-arabic']);
    expect(arabic[0]).toEqual({
      incidentId: 'al-ahli',
      claimId: 'jazeera-arabic',
      text: ARABIC_TEXT,
      source: 'Al Jazeera',
      reportedAt: '2023-10-17T20:00:00.000Z',
      state: 'active',
    });
  });

  test('GET /search finds claims by text, figures’ words and source, with their state', async () => {
    const misfire = await hits('misfired radar');
    expect(misfire.map((hit) => [hit.claimId, hit.state])).toEqual([['hagari-misfire', 'revised']]);
    expect(misfire[0].source).toBe('Daniel Hagari (via Reuters)');
    const ministry = await hits('martyrs');
    expect(ministry.map((hit) => [hit.claimId, hit.state, hit.text])).toEqual([
      ['ministry-471', 'disputed', '471 killed (civilians)'],
    ]);
    const reuters = await hits('reuters');
    expect(reuters.map((hit) => hit.claimId).sort()).toEqual(
      ['cafe-police', 'hagari-misfire', 'ministry-471', 'us-intel'].sort(),
    );
    // a word only the incident's title holds is not a claim
    expect(await hits('Al-Ahli')).toEqual([]);
  });

  test('pages carry their query: the cursor alone continues, in rank order, with no repeats', async () => {
    const first = (await get('/search?q=reuters&limit=3').expect(200)).body as {
      items: Hit[];
      nextCursor?: string;
    };
    expect(first.items).toHaveLength(3);
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    const second = (await get(`/search?cursor=${cursor}&limit=3`).expect(200)).body as {
      items: Hit[];
      nextCursor?: string;
    };
    expect(second.nextCursor).toBeUndefined();
    const all = [...first.items, ...second.items].map((hit) => hit.claimId);
    expect(all.sort()).toEqual((await hits('reuters')).map((hit) => hit.claimId).sort());
    // with the same q it continues; with another q, or on another listing, it is a 400
    await get(`/search?q=reuters&cursor=${cursor}`).expect(200);
    expectValidationProblem(await get(`/search?q=radar&cursor=${cursor}`), 'cursor');
    expectValidationProblem(await get(`/incidents?cursor=${cursor}`), 'cursor');
    const list = (await get('/incidents?limit=1').expect(200)).body as { nextCursor: string };
    expectValidationProblem(
      await get(`/search?cursor=${encodeURIComponent(list.nextCursor)}`),
      'cursor',
    );
  });

  test('the incident list cursor carries q, status and tag', async () => {
    const first = (await get('/incidents?q=reuters&limit=1').expect(200)).body as {
      items: IncidentSummary[];
      nextCursor: string;
    };
    const cursor = encodeURIComponent(first.nextCursor);
    const second = (await get(`/incidents?cursor=${cursor}`).expect(200)).body as {
      items: IncidentSummary[];
      nextCursor?: string;
    };
    expect([first.items[0].incidentId, second.items[0].incidentId].sort()).toEqual([
      'al-ahli',
      'cafe-blast',
    ]);
    expect(second.nextCursor).toBeUndefined();
    expectValidationProblem(await get(`/incidents?q=gas&cursor=${cursor}`), 'cursor');
    expectValidationProblem(await get(`/incidents?tag=gaza&cursor=${cursor}`), 'cursor');
    expect(await ids('/incidents?q=reuters&tag=explosion')).toEqual(['cafe-blast']);
    expect(await ids('/incidents?q=reuters&status=closed')).toEqual([]);
  });

  test.each([
    ['"', 'q'],
    ['*', 'q'],
    ['-', 'q'],
    ['()', 'q'],
    ['   ', 'q'],
  ])('q=%j has no word: 400', async (q, field) => {
    for (const path of ['/search', '/incidents']) {
      expectValidationProblem(await get(`${path}?q=${encodeURIComponent(q)}`), field);
    }
  });

  test.each([
    'NEAR',
    'NEAR(hospital gaza)',
    '"hospital',
    'hospital*',
    '-gaza',
    'a AND OR NOT',
    'x:y',
  ])('q=%j is plain words, never an FTS5 syntax error', async (q) => {
    await get(`/search?q=${encodeURIComponent(q)}`).expect(200);
    await get(`/incidents?q=${encodeURIComponent(q)}`).expect(200);
  });

  test('operators are words: "hospital* -gaza" still finds the incident', async () => {
    expect(await ids(`/incidents?q=${encodeURIComponent('(hospital) "gaza"')}`)).toEqual([
      'al-ahli',
    ]);
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=x', 'limit'],
    ['q=a&cursor=not-a-cursor', 'cursor'],
    ['q=a&unknown=1', 'unknown'],
  ])('GET /search?%s is a 400', async (query, field) => {
    expectValidationProblem(await get(`/search?${query}`), field);
  });

  test('GET /search without q or cursor is a 400', async () => {
    expectValidationProblem(await get('/search'), 'q');
  });
});
