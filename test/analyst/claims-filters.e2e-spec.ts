import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { ClaimView } from '../../src/incidents/domain/view-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { expectProblem, expectValidationProblem } from '../queries/problems.js';
import { writeStory } from './analyst-story.js';

interface ClaimsPage {
  items: ClaimView[];
  nextCursor?: string;
}

describe('GET /incidents/:id/claims with filters', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);
  const claimIds = async (query: string) =>
    ((await get(`/incidents/al-ahli/claims?${query}`).expect(200)).body as ClaimsPage).items.map(
      (claim) => claim.claimId,
    );

  beforeAll(async () => {
    booted = await bootApp();
    await writeStory(booted.url);
  });
  afterAll(async () => booted.close());

  test('each filter, in first-reported order', async () => {
    expect(await claimIds('')).toEqual([
      'hagari-misfire',
      'jazeera-arabic',
      'ministry-471',
      'us-intel',
    ]);
    expect(await claimIds('state=disputed')).toEqual(['ministry-471']);
    expect(await claimIds('state=revised')).toEqual(['hagari-misfire']);
    expect(await claimIds('flag=revised')).toEqual(['hagari-misfire']);
    expect(await claimIds('flag=supported')).toEqual([]);
    expect(await claimIds('kind=casualties')).toEqual(['ministry-471']);
    expect(await claimIds('kind=statement&topic=responsibility')).toEqual(['hagari-misfire']);
    expect(await claimIds('topic=casualties')).toEqual(['us-intel']);
    expect(await claimIds('q=misfired')).toEqual(['hagari-misfire']);
    // only the last word is a prefix
    expect(await claimIds('q=reuters%20intel')).toEqual(['us-intel']);
    expect(await claimIds('q=intel%20reuters')).toEqual([]);
  });

  test('source= is a whole name anywhere in the current chain, case-insensitive', async () => {
    // Reuters relays three claims; Hagari's revision added it to his chain
    expect(await claimIds('source=reuters')).toEqual([
      'hagari-misfire',
      'ministry-471',
      'us-intel',
    ]);
    expect(await claimIds('source=DANIEL%20HAGARI')).toEqual(['hagari-misfire']);
    expect(await claimIds('source=Hagari')).toEqual([]);
    expect(await claimIds('source=Reuters&kind=casualties')).toEqual(['ministry-471']);
  });

  test('pages: the cursor alone continues with its filters; other filters are a 400', async () => {
    const first = (await get('/incidents/al-ahli/claims?source=reuters&limit=2').expect(200))
      .body as ClaimsPage;
    expect(first.items.map((claim) => claim.claimId)).toEqual(['hagari-misfire', 'ministry-471']);
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    const second = (await get(`/incidents/al-ahli/claims?cursor=${cursor}`).expect(200))
      .body as ClaimsPage;
    expect(second.items.map((claim) => claim.claimId)).toEqual(['us-intel']);
    expect(second.nextCursor).toBeUndefined();
    await get(`/incidents/al-ahli/claims?source=reuters&cursor=${cursor}`).expect(200);
    expectValidationProblem(
      await get(`/incidents/al-ahli/claims?state=active&cursor=${cursor}`),
      'cursor',
    );
    // a cursor of another incident's claims, or of another listing
    expectValidationProblem(await get(`/incidents/cafe-blast/claims?cursor=${cursor}`), 'cursor');
    expectValidationProblem(await get(`/search?cursor=${cursor}`), 'cursor');
  });

  test.each([
    ['state=active2', 'state'],
    ['flag=bogus', 'flag'],
    ['topic=weather', 'topic'],
    ['kind=figures', 'kind'],
    ['source=', 'source'],
    ['q=', 'q'],
    ['q=%22*', 'q'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['cursor=xyz', 'cursor'],
    ['sort=asc', 'sort'],
  ])('%s is a 400', async (query, field) => {
    expectValidationProblem(await get(`/incidents/al-ahli/claims?${query}`), field);
  });

  test('an unknown incident is a 404', async () => {
    expectProblem(await get('/incidents/no-such-incident/claims?state=active'), 404);
  });
});
