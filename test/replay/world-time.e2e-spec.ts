import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import type { IncidentView, TimelineEntry } from '../../src/incidents/domain/view-types.js';
import { expectProblem, expectValidationProblem } from '../queries/problems.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { at, ID, recordBackDatedStory } from './back-dated-story.js';

describe('world time over HTTP: a story recorded after the fact', () => {
  let booted: BootedApp;
  let store: EventStore;
  const get = (path: string) => request(booted.url).get(path);
  const view = async (query: string) =>
    (await get(`/incidents/${ID}?${query}`).expect(200)).body as IncidentView;
  const claim = (v: IncidentView, claimId: string) => v.claims.find((c) => c.claimId === claimId);

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await recordBackDatedStory(booted.url);
  });
  afterAll(() => booted.close());

  test('the current view lists every flag; state is the dominant one', async () => {
    const now = await view('');
    expect(claim(now, 'c-strike')).toMatchObject({
      state: 'disputed',
      flags: ['revised', 'disputed'],
      quoted: 'paraphrase',
      disputedBy: ['c-rocket', 'c-wire'],
    });
    expect(claim(now, 'c-wire')).toMatchObject({ state: 'retracted', flags: ['retracted'] });
    expect(claim(now, 'f-ministry')).toMatchObject({ state: 'corrected', flags: ['corrected'] });
    const one = (await get(`/incidents/${ID}/claims/c-strike`).expect(200)).body as {
      flags: string[];
    };
    expect(one.flags).toEqual(['revised', 'disputed']);
  });

  test('reportedBy: corrections apply with their claim; back-dated editorial events at their world time', async () => {
    const early = await view(`reportedBy=${at('17:10')}`);
    expect(early.basis).toEqual({ reportedBy: at('17:10') });
    expect(early.casualties[0]).toMatchObject({ measure: 'injured', min: 342, max: 342 });
    expect(claim(early, 'c-strike')).toMatchObject({ state: 'active', flags: [] });
    expect(early.status).toBe('developing');
    expect(early.title).toBe('Explosion at a hospital');

    const dated = await view(`reportedBy=${at('17:50')}`);
    expect(claim(dated, 'c-strike')).toMatchObject({
      state: 'disputed',
      disputedBy: ['c-rocket'],
    });
    const undated = await view(`reportedBy=${at('18:00')}`);
    expect(claim(undated, 'c-strike')?.disputedBy).toEqual(['c-rocket', 'c-wire']);
    expect(undated.status).toBe('developing');
    expect((await view(`reportedBy=${at('18:30')}`)).status).toBe('disputed');
    const evening = await view(`reportedBy=${at('19:00')}`);
    expect(evening.title).toBe('Explosion at al-Ahli hospital, Gaza');
    expect(claim(evening, 'c-strike')?.text).toBe('An Israeli strike hit the hospital.');
    const next = await view(`reportedBy=${at('10:00', 18)}`);
    expect(claim(next, 'c-strike')).toMatchObject({ flags: ['revised', 'disputed'] });
    expect(claim(next, 'c-wire')?.state).toBe('retracted');
  });

  test('a reportedBy view reports the highest revision it folded, not a stream prefix', async () => {
    const v = await view(`reportedBy=${at('17:10')}`);
    // opening, c-strike, f-ministry and the correction (revision 5); c-rocket and c-wire skipped
    expect(v.revision).toBe(5);
    expect(v.claims.map((c) => c.claimId)).toEqual(['c-strike', 'f-ministry']);
    const prefix = await view('revision=5');
    expect(prefix.claims.map((c) => c.claimId)).toEqual([
      'c-strike',
      'f-ministry',
      'c-rocket',
      'c-wire',
    ]);
    expect(prefix).not.toHaveProperty('basis');
  });

  test('reportedBy before every world time is a 404', async () => {
    expectProblem(await get(`/incidents/${ID}?reportedBy=${at('15:59')}`), 404);
  });

  test('bitemporal: as reported by T from what was recorded by T2', async () => {
    const events = await store.readStream(`incident-${ID}`);
    const recordedBeforeCorrection = events[4].metadata.recordedAt;
    const v = await view(`reportedBy=${at('17:10')}&asOf=${recordedBeforeCorrection}`);
    expect(v.casualties[0]).toMatchObject({ min: 324, max: 324 });
    expect(v.basis).toEqual({ reportedBy: at('17:10'), asOf: recordedBeforeCorrection });
    expect(v.revision).toBe(2);
  });

  test('by=reported sorts on world time', async () => {
    const page = (await get(`/incidents/${ID}/timeline?by=reported`).expect(200)).body as {
      items: TimelineEntry[];
    };
    expect(page.items.map((e) => e.type)).toEqual([
      'IncidentOpened',
      'StatementReported', // 16:00
      'CasualtyFiguresReported', // 17:00
      'ClaimCorrected', // on its claim's first reportedAt, 17:00
      'StatementReported', // 17:30
      'ClaimDisputed', // dated 17:45
      'StatementReported', // 18:00
      'ClaimDisputed', // undated: the later of its claims, 18:00
      'IncidentStatusChanged', // 18:30
      'IncidentDetailsRevised', // 19:00
      'ClaimRevisedBySource', // 18 Oct 09:00
      'ClaimRetracted', // 18 Oct 10:00
    ]);
    const status = page.items.find((e) => e.type === 'IncidentStatusChanged');
    expect(status?.reportedAt).toBe(at('18:30'));
  });

  test('the feed envelopes carry the world time in their data', async () => {
    const res = await get('/events?limit=100').expect(200);
    const items = (res.body as { items: { type: string; data: { reportedAt?: string } }[] }).items;
    expect(items.find((e) => e.type === 'IncidentStatusChanged')?.data.reportedAt).toBe(
      at('18:30'),
    );
    expect(items.filter((e) => e.type === 'ClaimDisputed').map((e) => e.data.reportedAt)).toEqual([
      at('17:45'),
      undefined,
    ]);
  });

  test('history versions and the diff report flags', async () => {
    const history = (await get(`/incidents/${ID}/claims/c-strike/history`).expect(200)).body as {
      versions: { type: string; claim: { flags: string[] } }[];
    };
    expect(history.versions.map((v) => v.claim.flags.join('+'))).toEqual([
      '',
      'disputed',
      'disputed',
      'revised+disputed',
    ]);
    const diff = (await get(`/incidents/${ID}/diff?from=1&to=11`).expect(200)).body as {
      changes: { type: string; claimId?: string; flags?: string[] }[];
    };
    expect(diff.changes.find((c) => c.claimId === 'c-strike')).toMatchObject({
      type: 'claim-changed',
      flags: ['revised', 'disputed'],
    });
  });

  describe('refusals append nothing', () => {
    async function refused(run: () => request.Test, status: number) {
      const before = await store.head();
      const res = await run();
      expectProblem(res, status);
      expect(await store.head()).toBe(before);
      return res;
    }
    const post = (path: string, role: 'reporter' | 'editor' = 'reporter') =>
      request(booted.url).post(path).set(auth(role));

    test('a revision or retraction reported before its claim is a 409 reported-before-claim', async () => {
      const revision = await refused(
        () =>
          post(`/incidents/${ID}/claims/c-rocket/revisions`).send({
            text: 'Earlier',
            attribution: [{ name: 'IDF', kind: 'military' }],
            reportedAt: at('17:29'),
          }),
        409,
      );
      expect(revision.body).toMatchObject({ type: 'urn:storyline:problem:reported-before-claim' });
      const retraction = await refused(
        () =>
          post(`/incidents/${ID}/claims/c-rocket/retractions`).send({
            attribution: [{ name: 'IDF', kind: 'military' }],
            reportedAt: at('17:00'),
            reason: 'x',
          }),
        409,
      );
      expect(retraction.body).toMatchObject({
        type: 'urn:storyline:problem:reported-before-claim',
      });
    });

    test('a world time in the future or without a zone is a 400 on reportedAt', async () => {
      const ahead = new Date(Date.now() + 6 * 60_000).toISOString();
      for (const reportedAt of [ahead, '2023-10-17T18:00:00', 'soon']) {
        const status = await refused(
          () => post(`/incidents/${ID}/status`).send({ status: 'confirmed', reportedAt }),
          400,
        );
        expectValidationProblem(status, 'reportedAt');
        const dispute = await refused(
          () =>
            post(`/incidents/${ID}/claims/c-rocket/disputes`).send({
              disputedByClaimId: 'c-strike',
              reportedAt,
            }),
          400,
        );
        expectValidationProblem(dispute, 'reportedAt');
        const patch = await refused(
          () =>
            request(booted.url)
              .patch(`/incidents/${ID}`)
              .set(auth('editor'))
              .send({ summary: 'x', reportedAt }),
          400,
        );
        expectValidationProblem(patch, 'reportedAt');
      }
    });

    test('quoted on a correction: an unknown value is a 400, a casualties claim a 409', async () => {
      expectValidationProblem(
        await refused(
          () =>
            post(`/incidents/${ID}/claims/c-rocket/corrections`, 'editor').send({
              quoted: 'loosely',
              reason: 'x',
            }),
          400,
        ),
        'quoted',
      );
      await refused(
        () =>
          post(`/incidents/${ID}/claims/f-ministry/corrections`, 'editor').send({
            quoted: 'verbatim',
            reason: 'x',
          }),
        409,
      );
      await post(`/incidents/${ID}/claims/c-rocket/corrections`, 'editor')
        .send({ quoted: 'verbatim', reason: 'it was their words' })
        .expect(201);
      expect(claim(await view(''), 'c-rocket')).toMatchObject({
        quoted: 'verbatim',
        flags: ['corrected'],
      });
    });
  });
});
