/** Casualty groups, undisputed ranges and the desk's assessments end to end, and both new events on the live feed. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import type {
  IncidentView,
  TimelineEntry,
  ViewDiff,
} from '../../src/incidents/domain/view-types.js';
import { connectFeed, Received, subscribe } from '../feed/feed-test-client.js';
import { expectProblem, expectValidationProblem } from '../queries/problems.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { at, ID, recordAnalystStory, write } from './corroboration-story.js';

describe('casualty groups, undisputed ranges and assessments', () => {
  let booted: BootedApp;
  let socket: Socket | undefined;
  const get = (path: string) => request(booted.url).get(path);
  const path = `/incidents/${ID}/casualty-assessments`;
  const body = {
    measure: 'killed',
    group: 'CIVILIANS',
    low: 1,
    best: 6,
    high: null,
    basis: ['masdar', 'centcom'],
    reason: 'Only Al-Masdar gives a count; CENTCOM confirms deaths without one',
    reportedAt: at('21:00'),
  };
  const killed = async () =>
    ((await get(`/incidents/${ID}`).expect(200)).body as IncidentView).casualties;

  beforeAll(async () => {
    booted = await bootApp();
    await recordAnalystStory(booted.url);
  });
  afterAll(async () => {
    socket?.disconnect();
    await booted.close();
  });

  test('"Civilians" and " civilians " are one group, shown as first spelled; no assessment yet', async () => {
    const casualties = await killed();
    expect(casualties).toHaveLength(1);
    expect(casualties[0]).toMatchObject({
      measure: 'killed',
      group: 'Civilians',
      min: 1,
      max: null,
      undisputed: { min: 1, max: null },
      assessment: null,
    });
    expect(casualties[0]?.sources.map((s) => s.claimId)).toEqual(['masdar', 'centcom']);
    const list = (await get('/incidents').expect(200)).body as {
      items: { incidentId: string; casualties: unknown[] }[];
    };
    expect(list.items.find((i) => i.incidentId === ID)?.casualties).toHaveLength(1);
  });

  test('a disputed figure leaves the undisputed range', async () => {
    await write(booted.url, `/incidents/${ID}/claims/centcom/disputes`, {
      disputedByClaimId: 'rt-militia',
    });
    expect((await killed())[0]).toMatchObject({
      min: 1,
      max: null,
      undisputed: { min: 6, max: 6 },
    });
  });

  test('refusals: reporter 403, bad ranges 400, unknown basis 404, retracted basis 409, unreported group 409', async () => {
    const post = (changes: object, role: 'editor' | 'reporter' = 'editor') =>
      request(booted.url)
        .post(path)
        .set(auth(role))
        .send({ ...body, ...changes });
    expectProblem(await post({}, 'reporter'), 403);
    expectValidationProblem(await post({ low: 7 }), 'best');
    expectValidationProblem(await post({ high: 5 }), 'high');
    expectValidationProblem(await post({ best: 2.5 }), 'best');
    expectValidationProblem(await post({ basis: [] }), 'basis');
    expectValidationProblem(await post({ high: undefined }), 'high');
    expectProblem(await post({ basis: ['masdar', 'nobody'] }), 404);
    expectProblem(await post({ group: 'soldiers' }), 409);
    const views = await get(`/incidents/${ID}`).expect(200);
    expect(views.headers.etag).toBe('"7"');
  });

  test('an assessment shows on its group, in the timeline, in time travel, the diff and the feed', async () => {
    socket = await connectFeed(booted.url);
    const received = new Received(socket);
    expect((await subscribe(socket, { incidentId: ID })).ok).toBe(true);
    const first = await write(booted.url, path, body, 'editor');
    const second = await write(
      booted.url,
      path,
      { ...body, best: 5, reportedAt: undefined },
      'editor',
    );
    const row = (await killed())[0];
    expect(row.assessment).toMatchObject({
      group: 'CIVILIANS',
      low: 1,
      best: 5,
      high: null,
      basis: ['masdar', 'centcom'],
      recordedBy: 'eddie',
    });
    expect(row.assessment?.reportedAt).toBe(row.assessment?.recordedAt);
    const view = await get(`/incidents/${ID}`).expect(200);
    expect(view.headers.etag).toBe(`"${second.revision}"`);

    const timeline = (await get(`/incidents/${ID}/timeline?after=${first.revision - 1}`)).body as {
      items: TimelineEntry[];
    };
    expect(timeline.items[0]).toMatchObject({
      type: 'CasualtyEstimateAssessed',
      recordedBy: 'eddie',
      reportedAt: at('21:00'),
      summary:
        'Desk assessment: at least 1 killed (CIVILIANS), best 6; basis masdar, centcom — Only Al-Masdar gives a count; CENTCOM confirms deaths without one',
    });
    const atFirst = (await get(`/incidents/${ID}?revision=${first.revision}`).expect(200))
      .body as IncidentView;
    expect(atFirst.casualties[0]?.assessment).toMatchObject({ best: 6, reportedAt: at('21:00') });
    const before = (await get(`/incidents/${ID}?revision=${first.revision - 1}`).expect(200))
      .body as IncidentView;
    expect(before.casualties[0]?.assessment).toBeNull();
    const reported = (await get(`/incidents/${ID}?reportedBy=${at('21:30')}`).expect(200))
      .body as IncidentView;
    expect(reported.casualties[0]?.assessment).toMatchObject({ best: 6 });

    const diff = (
      await get(`/incidents/${ID}/diff?from=${first.revision - 1}&to=${first.revision}`)
    ).body as ViewDiff;
    expect(diff.changes).toEqual([
      expect.objectContaining({
        type: 'casualty-assessed',
        measure: 'killed',
        group: 'Civilians',
        before: null,
        after: expect.objectContaining({ best: 6 }),
      }),
    ]);

    // a support reaches the subscriber too
    await write(booted.url, `/incidents/${ID}/claims/warning/supports`, {
      supportedByClaimId: 'coalition',
    });
    await received.until(
      () =>
        received.events.some((e) => e.type === 'ClaimSupported') &&
        received.events.filter((e) => e.type === 'CasualtyEstimateAssessed').length === 2,
      'an assessment and a support on the feed',
    );
    expect(received.events.find((e) => e.type === 'CasualtyEstimateAssessed')).toMatchObject({
      incidentId: ID,
      revision: first.revision,
      data: { measure: 'killed', best: 6, basis: ['masdar', 'centcom'] },
    });
    expect(received.events.find((e) => e.type === 'ClaimSupported')).toMatchObject({
      data: { claimId: 'warning', supportedByClaimId: 'coalition' },
    });
  });

  test('a retracted basis claim is refused (409)', async () => {
    await write(booted.url, `/incidents/${ID}/claims/masdar/retractions`, {
      attribution: [{ name: 'Al-Masdar News', kind: 'outlet' }],
      reportedAt: at('22:00'),
      reason: 'withdrawn',
    });
    const res = await request(booted.url)
      .post(path)
      .set(auth('editor'))
      .send({ ...body, basis: ['masdar'] });
    expectProblem(res, 409);
    expect((res.body as { type: string }).type).toMatch(/claim-retracted$/);
  });
});
