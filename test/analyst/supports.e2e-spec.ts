/** Supports and corroboration end to end: the route, its refusals, the view, history, time travel, timeline, diff. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type {
  ClaimHistory,
  ClaimView,
  IncidentView,
  TimelineEntry,
  ViewDiff,
} from '../../src/incidents/domain/view-types.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { expectProblem } from '../queries/problems.js';
import { at, ID, recordAnalystStory, write } from './corroboration-story.js';

describe('supports and corroboration', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);
  const claim = async (claimId: string) =>
    (await get(`/incidents/${ID}/claims/${claimId}`).expect(200)).body as ClaimView;
  const supports = (claimId: string) => `/incidents/${ID}/claims/${claimId}/supports`;

  beforeAll(async () => {
    booted = await bootApp();
    await recordAnalystStory(booted.url);
  });
  afterAll(async () => {
    await booted.close();
  });

  test('a new claim is single-source with one independent source', async () => {
    expect(await claim('warning')).toMatchObject({
      flags: [],
      supportedBy: [],
      corroboration: { independentSources: 1, grade: 'single-source' },
    });
  });

  test('refusals: itself 400, unknown 404, missing field 400; nothing is appended', async () => {
    const before = (await get(`/incidents/${ID}`).expect(200)).body as IncidentView;
    const post = (path: string, body: object) =>
      request(booted.url).post(path).set(auth('reporter')).send(body);
    expectProblem(await post(supports('warning'), { supportedByClaimId: 'warning' }), 400);
    expectProblem(await post(supports('warning'), { supportedByClaimId: 'nobody' }), 404);
    expectProblem(await post(supports('nobody'), { supportedByClaimId: 'warning' }), 404);
    expect((await post(supports('warning'), {})).status).toBe(400);
    expect(
      (await post(supports('warning'), { supportedByClaimId: 'rt-militia', extra: 1 })).status,
    ).toBe(400);
    await request(booted.url)
      .post(supports('warning'))
      .send({ supportedByClaimId: 'rt-militia' })
      .expect(401);
    const after = (await get(`/incidents/${ID}`).expect(200)).body as IncidentView;
    expect(after.revision).toBe(before.revision);
  });

  test('a support from another speaker corroborates; one from the same wire does not count twice', async () => {
    const first = await write(booted.url, supports('warning'), {
      supportedByClaimId: 'coalition',
      note: 'the coalition confirms the warning shots',
      reportedAt: at('18:45'),
    });
    await write(booted.url, supports('warning'), { supportedByClaimId: 'same-wire' });
    const warning = await claim('warning');
    expect(warning).toMatchObject({
      state: 'active',
      flags: ['supported'],
      supportedBy: ['coalition', 'same-wire'],
      corroboration: { independentSources: 2, grade: 'corroborated' },
    });
    expect(warning.supports[0]).toMatchObject({
      byClaimId: 'coalition',
      note: 'the coalition confirms the warning shots',
      reportedAt: at('18:45'),
    });
    const timeline = (await get(`/incidents/${ID}/timeline?after=${first.revision - 1}&limit=1`))
      .body as { items: TimelineEntry[] };
    expect(timeline.items[0]).toMatchObject({
      type: 'ClaimSupported',
      summary:
        "US-led coalition's claim coalition supports claim warning — the coalition confirms the warning shots",
    });
    expectProblem(
      await request(booted.url)
        .post(supports('warning'))
        .set(auth('reporter'))
        .send({ supportedByClaimId: 'coalition' }),
      409,
    );
  });

  test('a dispute makes it contested; the supporter retracted: rows, history and time travel follow', async () => {
    await write(booted.url, `/incidents/${ID}/claims/warning/disputes`, {
      disputedByClaimId: 'rt-militia',
    });
    expect((await claim('warning')).corroboration).toEqual({
      independentSources: 2,
      grade: 'contested',
    });
    const retraction = await write(booted.url, `/incidents/${ID}/claims/coalition/retractions`, {
      attribution: [{ name: 'US-led coalition', kind: 'military' }],
      reportedAt: at('21:00'),
      reason: 'withdrawn',
    });
    const warning = await claim('warning');
    expect(warning.flags).toEqual(['disputed', 'supported']);
    expect(warning.corroboration).toEqual({ independentSources: 1, grade: 'contested' });
    const view = (await get(`/incidents/${ID}`).expect(200)).body as IncidentView;
    expect(view.claims.find((c) => c.claimId === 'warning')).toEqual(warning);
    // the rewrite is for time travel only: the claim's own history lists only its own events
    const history = (await get(`/incidents/${ID}/claims/warning/history`).expect(200))
      .body as ClaimHistory;
    expect(history.versions.map((v) => v.type)).toEqual([
      'StatementReported',
      'ClaimSupported',
      'ClaimSupported',
      'ClaimDisputed',
    ]);
    const atRetraction = (await get(`/incidents/${ID}?revision=${retraction.revision}`).expect(200))
      .body as IncidentView;
    expect(atRetraction).toEqual({ ...view, revision: retraction.revision });
    const before = (await get(`/incidents/${ID}?revision=${retraction.revision - 1}`).expect(200))
      .body as IncidentView;
    expect(
      before.claims.find((c) => c.claimId === 'warning')?.corroboration.independentSources,
    ).toBe(2);
    const diff = (
      await get(`/incidents/${ID}/diff?from=${retraction.revision - 1}&to=${retraction.revision}`)
    ).body as ViewDiff;
    const changed = diff.changes.find((c) => c.type === 'claim-changed' && c.claimId === 'warning');
    expect(changed).toMatchObject({
      fields: [
        {
          field: 'corroboration',
          before: { independentSources: 2, grade: 'contested' },
          after: { independentSources: 1, grade: 'contested' },
        },
      ],
    });
  });

  test('as reported by 18:50 the dated support counts; by reported order puts it at its world time', async () => {
    const view = (await get(`/incidents/${ID}?reportedBy=${at('18:50')}`).expect(200))
      .body as IncidentView;
    const warning = view.claims.find((c) => c.claimId === 'warning');
    // the undated support by same-wire and dispute by RT count as soon as both claims are in
    // the view; the coalition's retraction (21:00) does not yet
    expect(warning?.supportedBy).toEqual(['coalition', 'same-wire']);
    expect(warning?.corroboration).toEqual({ independentSources: 2, grade: 'contested' });
    const timeline = (await get(`/incidents/${ID}/timeline?by=reported&limit=1000`).expect(200))
      .body as { items: TimelineEntry[] };
    const label = (e: TimelineEntry) => {
      const data = e.data as { claimId?: string; supportedByClaimId?: string };
      return [e.type, data.claimId, data.supportedByClaimId].filter(Boolean).join(':');
    };
    const order = timeline.items.map(label);
    // the undated support sits on the later first reportedAt of warning (16:00) and same-wire
    // (17:00); the dated one at its own 18:45, after the coalition's statement of 18:45
    const undated = order.indexOf('ClaimSupported:warning:same-wire');
    expect(order.slice(undated - 1, undated + 2)).toEqual([
      'StatementReported:same-wire',
      'ClaimSupported:warning:same-wire',
      'StatementReported:rt-militia',
    ]);
    const dated = order.indexOf('ClaimSupported:warning:coalition');
    expect(order[dated - 1]).toBe('StatementReported:coalition');
  });
});
