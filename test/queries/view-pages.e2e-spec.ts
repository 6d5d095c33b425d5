import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { streamIdOf } from '../../src/incidents/domain/events.js';
import { toRecordedEvent } from '../../src/incidents/domain/recorded.js';
import type { RecordedIncidentEvent } from '../../src/incidents/domain/state.js';
import { randomStory, seededRandom } from '../../src/incidents/domain/testing/random-story.js';
import {
  foldAsOf,
  foldReportedBy,
  foldReportedByAsOf,
  foldToRevision,
} from '../../src/incidents/domain/time-travel.js';
import { toIncidentView } from '../../src/incidents/domain/view.js';
import type { ClaimView, IncidentView } from '../../src/incidents/domain/view-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { seed } from '../projections/seed.js';
import { expectProblem, expectValidationProblem } from './problems.js';
import { rawGet } from './raw-http.js';

const ID = 'big-story';
const EVENTS = 1200;
const START = Date.parse('2017-05-18T00:00:00Z');

describe('big incidents: compressed views, claims in pages, time travel from rows', () => {
  let booted: BootedApp;
  let events: RecordedIncidentEvent[];
  const get = (path: string) => request(booted.url).get(path);

  beforeAll(async () => {
    booted = await bootApp();
    const story = randomStory({ seed: 31, events: EVENTS, incidentId: ID });
    const times = story.map((_, i) => new Date(START + i * 60_000).toISOString());
    await seed(booted.app, ID, story, { recordedAt: times });
    const stored = await booted.app.get<EventStore>(EVENT_STORE).readStream(streamIdOf(ID));
    events = stored.map(toRecordedEvent);
  });
  afterAll(async () => {
    await booted.close();
  });

  test('the view comes as brotli or gzip when asked, the same JSON either way', async () => {
    const plain = await get(`/incidents/${ID}`).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const view = plain.body as IncidentView;
    expect(view.revision).toBe(EVENTS - 1);
    const br = await rawGet(`${booted.url}/incidents/${ID}`, { 'Accept-Encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.headers.etag).toBe(`"${EVENTS - 1}"`);
    const bytes = br.body;
    expect(bytes.length).toBeLessThan(plain.text.length / 3);
    expect(JSON.parse(brotliDecompressSync(bytes).toString())).toEqual(view);
    // asked again: the kept bytes
    const again = await rawGet(`${booted.url}/incidents/${ID}`, { 'Accept-Encoding': 'br' });
    expect(again.body).toEqual(bytes);
    const gz = await rawGet(`${booted.url}/incidents/${ID}?revision=600`, {
      'Accept-Encoding': 'gzip',
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const at600 = JSON.parse(gunzipSync(gz.body).toString()) as IncidentView;
    expect(at600).toEqual(toIncidentView(foldToRevision(events, 600)!));
    await get(`/incidents/${ID}`)
      .set('If-None-Match', `"${EVENTS - 1}"`)
      .expect(304);
  });

  test('time travel over HTTP answers what a fold of the stream answers', async () => {
    const random = seededRandom(32);
    for (let i = 0; i < 6; i++) {
      const t = new Date(START + random() * EVENTS * 60_000).toISOString();
      const asOf = await get(`/incidents/${ID}?asOf=${t}`).expect(200);
      expect(asOf.body).toEqual(toIncidentView(foldAsOf(events, t)!));
      const reportedBy = await get(`/incidents/${ID}?reportedBy=${t}`).expect(200);
      expect(reportedBy.body).toEqual({
        ...toIncidentView(foldReportedBy(events, t)!),
        basis: { reportedBy: t },
      });
      // bitemporal: as reported by t, from what was recorded by an earlier or later time
      const recorded = new Date(START + random() * EVENTS * 60_000).toISOString();
      const both = await get(`/incidents/${ID}?reportedBy=${t}&asOf=${recorded}`);
      const state = foldReportedByAsOf(events, t, recorded);
      if (!state) expectProblem(both, 404);
      else {
        expect(both.status).toBe(200);
        expect(both.body).toEqual({
          ...toIncidentView(state),
          basis: { reportedBy: t, asOf: recorded },
        });
      }
    }
    const diff = await get(`/incidents/${ID}/diff?from=100&to=900`).expect(200);
    expect((diff.body as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
    expectProblem(await get(`/incidents/${ID}?revision=${EVENTS}`), 404);
  });

  test('GET /incidents/:id/claims pages through the claims in first-reported order', async () => {
    const view = (await get(`/incidents/${ID}`).expect(200)).body as IncidentView;
    const seen: ClaimView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query: Record<string, string | number> = { limit: 70 };
      if (cursor) query.cursor = cursor;
      const res = await get(`/incidents/${ID}/claims`).query(query).expect(200);
      const page = res.body as { items: ClaimView[]; nextCursor?: string };
      expect(page.items.length).toBeLessThanOrEqual(70);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(view.claims);
    expect(pages).toBe(Math.ceil(view.claims.length / 70));
    const first = await get(`/incidents/${ID}/claims`).expect(200);
    expect((first.body as { items: unknown[] }).items).toHaveLength(100);
  });

  test('the claims route refuses bad input and unknown incidents', async () => {
    expectValidationProblem(await get(`/incidents/${ID}/claims?limit=501`), 'limit');
    expectValidationProblem(await get(`/incidents/${ID}/claims?limit=0`), 'limit');
    expectValidationProblem(await get(`/incidents/${ID}/claims?cursor=nonsense`), 'cursor');
    expect((await get(`/incidents/${ID}/claims?colour=red`)).status).toBe(400);
    expectProblem(await get('/incidents/no-such-incident/claims'), 404);
  });
});
