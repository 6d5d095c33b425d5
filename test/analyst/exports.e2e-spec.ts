import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { bootApp, type BootedApp } from '../support/boot.js';
import { expectProblem, expectValidationProblem } from '../queries/problems.js';
import { writer, writeStory } from './analyst-story.js';

type Row = Record<string, string>;

describe('CSV exports', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);
  const TRICKY = 'He said, "it was a\nmisfire" =1+1';

  async function rows(path: string): Promise<Row[]> {
    const res = await get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
    return parse<Row>(res.text, { columns: true, bom: true });
  }

  beforeAll(async () => {
    booted = await bootApp();
    await writeStory(booted.url);
    const { post } = writer(booted.url);
    await post('/incidents/al-ahli/statements', {
      claimId: 'tricky',
      text: TRICKY,
      attribution: [{ name: '@spokesman', kind: 'person' }],
      reportedAt: '2023-10-19T08:00:00Z',
    });
    await post('/incidents/al-ahli/statements', {
      claimId: 'formula',
      text: '=HYPERLINK("http://evil")',
      attribution: [{ name: '+Plus Outlet', kind: 'outlet' }],
      reportedAt: '2023-10-19T09:00:00Z',
    });
    await post('/incidents/al-ahli/claims/hagari-misfire/supports', {
      supportedByClaimId: 'tricky',
    });
    await post('/incidents/al-ahli/claims/ministry-471/revisions', {
      figures: [
        {
          measure: 'killed',
          group: 'civilians',
          min: 500,
          max: 500,
          wording: '-about 500, "at least"',
        },
        { measure: 'injured', group: 'civilians', min: 300, max: null },
      ],
      attribution: [{ name: 'Gaza Health Ministry', kind: 'government' }],
      reportedAt: '2023-10-18T10:00:00Z',
    });
    await post('/incidents/al-ahli/casualty-reports', {
      claimId: 'retracted-figure',
      attribution: [{ name: 'Local radio', kind: 'outlet' }],
      reportedAt: '2023-10-17T21:00:00Z',
      figures: [{ measure: 'killed', group: 'civilians', min: 800, max: 800 }],
    });
    await post('/incidents/al-ahli/claims/retracted-figure/retractions', {
      attribution: [{ name: 'Local radio', kind: 'outlet' }],
      reportedAt: '2023-10-18T09:00:00Z',
      reason: 'misheard',
    });
  });
  afterAll(async () => booted.close());

  test('claims.csv: one row per claim, current content, commas/quotes/newlines survive', async () => {
    const claims = await rows('/incidents/al-ahli/claims.csv');
    expect(claims.map((row) => row.claimId)).toEqual([
      'hagari-misfire',
      'jazeera-arabic',
      'ministry-471',
      'us-intel',
      'tricky',
      'formula',
      'retracted-figure',
    ]);
    const byId = new Map(claims.map((row) => [row.claimId, row]));
    expect(byId.get('tricky')).toMatchObject({
      kind: 'statement',
      state: 'active',
      content: TRICKY,
      attribution: "'@spokesman (person)",
      reportedAt: '2023-10-19T08:00:00.000Z',
      versions: '1',
    });
    expect(byId.get('formula')?.content).toBe(`'=HYPERLINK("http://evil")`);
    expect(byId.get('formula')?.attribution).toBe("'+Plus Outlet (outlet)");
    expect(byId.get('hagari-misfire')).toMatchObject({
      state: 'revised',
      flags: 'revised supported',
      topic: 'responsibility',
      attribution: 'Daniel Hagari (military, IDF spokesman) > Reuters (wire)',
      firstReportedAt: '2023-10-18T08:00:00.000Z',
      reportedAt: '2023-10-18T12:00:00.000Z',
      versions: '3', // statement, revision, support
    });
    expect(byId.get('ministry-471')).toMatchObject({
      kind: 'casualties',
      flags: 'revised disputed',
      content: '500 killed (civilians), at least 300 injured (civilians)',
    });
    expect(byId.get('us-intel')?.attribution).toBe(
      'a US official (official, unnamed) > Reuters (wire)',
    );
    expect(byId.get('jazeera-arabic')?.content).toMatch(/الانفجار/u);
    // a second speaker supports Hagari; us-intel disputes the ministry's figure
    expect(Object.fromEntries(claims.map((row) => [row.claimId, row.grade]))).toEqual({
      formula: 'single-source',
      'hagari-misfire': 'corroborated',
      'jazeera-arabic': 'single-source',
      'ministry-471': 'contested',
      'retracted-figure': 'retracted',
      tricky: 'single-source',
      'us-intel': 'single-source',
    });
  });

  test('casualties.csv: every figure of every report and revision, later retraction marked', async () => {
    const figures = await rows('/incidents/al-ahli/casualties.csv');
    const summary = figures.map((row) => [
      row.claimId,
      row.event,
      row.measure,
      row.min,
      row.max,
      row.laterRetracted,
    ]);
    expect(summary).toEqual([
      ['ministry-471', 'CasualtyFiguresReported', 'killed', '471', '471', 'false'],
      ['ministry-471', 'ClaimRevisedBySource', 'killed', '500', '500', 'false'],
      ['ministry-471', 'ClaimRevisedBySource', 'injured', '300', '', 'false'],
      ['retracted-figure', 'CasualtyFiguresReported', 'killed', '800', '800', 'true'],
    ]);
    expect(figures[0]).toMatchObject({
      group: 'civilians',
      wording: '471 martyrs',
      source: 'Gaza Health Ministry (via Reuters)',
      reportedAt: '2023-10-17T19:00:00.000Z',
    });
    expect(figures[1].wording).toBe(`'-about 500, "at least"`);
    expect(figures[1].reportedAt).toBe('2023-10-18T10:00:00.000Z');
    expect(Date.parse(figures[1].recordedAt)).toBeGreaterThan(Date.parse(figures[0].recordedAt));
  });

  test('an incident without claims has the header only; unknown incident 404; no query', async () => {
    await writer(booted.url).post('/incidents', { incidentId: 'empty-one', title: 'Nothing yet' });
    const res = await get('/incidents/empty-one/casualties.csv').expect(200);
    expect(res.text.split('\r\n')[0]).toBe(
      'claimId,revision,event,measure,group,min,max,wording,source,reportedAt,recordedAt,laterRetracted',
    );
    expect(await rows('/incidents/empty-one/claims.csv')).toEqual([]);
    expectProblem(await get('/incidents/no-such-one/claims.csv'), 404);
    expectProblem(await get('/incidents/no-such-one/casualties.csv'), 404);
    expectValidationProblem(await get('/incidents/al-ahli/claims.csv?limit=3'), 'limit');
  });
});
