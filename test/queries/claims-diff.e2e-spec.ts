import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type {
  ClaimHistory,
  ClaimView,
  IncidentView,
  ViewDiff,
} from '../../src/incidents/domain/view-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { seed } from '../projections/seed.js';
import { revised } from '../support/incident-events.js';
import { expectProblem, expectValidationProblem } from './problems.js';
import { seedStory, STORY } from './story.js';

describe('claims and diffs', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);

  beforeAll(async () => {
    booted = await bootApp();
    await seedStory(booted.app);
    await seed(booted.app, 'at-tanf', [revised('masdar', [6, 8], '2017-05-18T22:00:00Z')], {
      recordedAt: '2017-05-18T22:05:00.000Z',
    });
  });
  afterAll(async () => {
    await booted.close();
  });

  test('a claim as it stands now is the one in the view', async () => {
    const claim = (await get('/incidents/at-tanf/claims/target-army').expect(200))
      .body as ClaimView;
    const view = (await get('/incidents/at-tanf').expect(200)).body as IncidentView;
    expect(claim).toEqual(view.claims.find((candidate) => candidate.claimId === 'target-army'));
    expect(claim).toMatchObject({ state: 'disputed', disputedBy: ['target-militia'], versions: 2 });
  });

  test('a claim history: who changed it, when, and the claim after each change, oldest first', async () => {
    const history = (await get('/incidents/at-tanf/claims/masdar/history').expect(200))
      .body as ClaimHistory;
    expect(history.claimId).toBe('masdar');
    expect(history.versions.map((version) => [version.revision, version.type])).toEqual([
      [5, 'CasualtyFiguresReported'],
      [7, 'ClaimRevisedBySource'],
    ]);
    expect(history.versions[0]).toMatchObject({
      recordedAt: STORY[5].recordedAt,
      recordedBy: 'rita',
      reportedAt: '2017-05-18T19:05:00Z',
      claim: { state: 'active', figures: [expect.objectContaining({ min: 6, max: 6 })] },
    });
    expect(history.versions[1]).toMatchObject({
      recordedAt: '2017-05-18T22:05:00.000Z',
      claim: {
        state: 'revised',
        versions: 2,
        figures: [expect.objectContaining({ min: 6, max: 8 })],
      },
    });
    const disputed = (await get('/incidents/at-tanf/claims/target-army/history').expect(200))
      .body as ClaimHistory;
    expect(disputed.versions.map((version) => version.claim.state)).toEqual(['active', 'disputed']);
  });

  test('unknown incidents and claims are 404s', async () => {
    expectProblem(await get('/incidents/at-tanf/claims/no-such-claim'), 404);
    expectProblem(await get('/incidents/at-tanf/claims/no-such-claim/history'), 404);
    expectProblem(await get('/incidents/no-such-incident/claims/masdar'), 404);
    expectProblem(await get('/incidents/no-such-incident/claims/masdar/history'), 404);
  });

  test('a diff between two revisions, claim by claim', async () => {
    const diff = (await get('/incidents/at-tanf/diff?from=3&to=7').expect(200)).body as ViewDiff;
    expect(diff.from).toBe(3);
    expect(diff.to).toBe(7);
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { type: 'incident-changed', field: 'status', before: 'developing', after: 'confirmed' },
        expect.objectContaining({
          type: 'claim-changed',
          claimId: 'target-army',
          state: 'disputed',
        }),
        expect.objectContaining({ type: 'claim-added', claimId: 'masdar' }),
      ]),
    );
    const same = (await get('/incidents/at-tanf/diff?from=4&to=4').expect(200)).body as ViewDiff;
    expect(same).toEqual({ from: 4, to: 4, changes: [] });
  });

  test('diff errors: missing or bad revisions are 400s, beyond the latest a 404', async () => {
    expectValidationProblem(await get('/incidents/at-tanf/diff?from=1'), 'to');
    expectValidationProblem(await get('/incidents/at-tanf/diff'), 'from', 'to');
    expectValidationProblem(await get('/incidents/at-tanf/diff?from=a&to=2'), 'from');
    expectValidationProblem(await get('/incidents/at-tanf/diff?from=5&to=2'), 'from');
    expectValidationProblem(await get('/incidents/at-tanf/diff?from=1&to=2&by=x'), 'by');
    expectProblem(await get('/incidents/at-tanf/diff?from=1&to=8'), 404);
    expectProblem(await get('/incidents/no-such-incident/diff?from=0&to=0'), 404);
  });
});
