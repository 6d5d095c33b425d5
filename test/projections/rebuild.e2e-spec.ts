import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import type { IncidentEvent } from '../../src/incidents/domain/events.js';
import { ProjectionRebuild } from '../../src/incidents/projections/projection-rebuild.js';
import { ProjectionRunner } from '../../src/incidents/projections/projection-runner.js';
import { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';
import { expectProblem } from '../queries/problems.js';
import { seed, toNewEvent } from './seed.js';
import { casualties, opened, revised, statement } from '../support/incident-events.js';

const INCIDENTS = 20;
const CLAIMS = 400;

function story(id: string): IncidentEvent[] {
  const events: IncidentEvent[] = [opened(id, `Rebuilt ${id}`, ['rebuild'])];
  for (let i = 0; i < CLAIMS; i++) {
    events.push(
      i % 2 === 0
        ? statement(`s-${i}`, '2017-05-18T15:00:00Z')
        : casualties(`c-${i}`, [i, i + 2], '2017-05-18T16:00:00Z', `Source ${i}`),
    );
    if (i % 10 === 1) events.push(revised(`c-${i}`, [i + 1, null], '2017-05-18T17:00:00Z'));
  }
  return events;
}

describe('POST /admin/projections/rebuild', () => {
  let booted: BootedApp;
  let store: EventStore;
  const ids = Array.from({ length: INCIDENTS }, (_, i) => `rebuild-${i}`);

  async function snapshot(id: string) {
    const view = await request(booted.url).get(`/incidents/${id}`).expect(200);
    const timeline = await request(booted.url)
      .get(`/incidents/${id}/timeline?limit=1000`)
      .expect(200);
    const history = await request(booted.url)
      .get(`/incidents/${id}/claims/c-1/history`)
      .expect(200);
    return {
      view: view.body as unknown,
      timeline: timeline.body as unknown,
      history: history.body as unknown,
    };
  }

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    for (const id of ids.slice(0, -1)) {
      const events = story(id).map((event) => toNewEvent(event, new Date().toISOString(), 'bulk'));
      await store.append(`incident-${id}`, events, { expectedRevision: 'no_stream' });
    }
    await seed(booted.app, ids[ids.length - 1], story(ids[ids.length - 1]));
  });
  afterAll(async () => {
    await booted.close();
  });

  test('needs an admin', async () => {
    expectProblem(await request(booted.url).post('/admin/projections/rebuild'), 401);
    expectProblem(
      await request(booted.url).post('/admin/projections/rebuild').set(auth('editor')),
      403,
    );
  });

  test('rebuilds from the log while reads keep answering, then swaps to identical views', async () => {
    const app = booted.app;
    const rebuild = app.get(ProjectionRebuild);
    const readModel = app.get(ReadModelDatabase);
    const before = await Promise.all(ids.map(snapshot));
    const generation = readModel.generation();
    const head = await store.head();

    const started = await request(booted.url)
      .post('/admin/projections/rebuild')
      .set(auth('admin'))
      .expect(202);
    expect(started.body).toEqual({ status: 'rebuilding', target: head });
    expect(rebuild.isRunning()).toBe(true);

    const again = await request(booted.url).post('/admin/projections/rebuild').set(auth('admin'));
    expectProblem(again, 409);

    // reads started while the new generation fills answer as before (the rebuild is fast now:
    // count the reads that began while it ran, not the ones that also ended before the swap)
    let readsWhileRunning = 0;
    for (let i = 0; rebuild.isRunning(); i++) {
      const index = i % ids.length;
      expect(readModel.generation()).toBe(generation);
      readsWhileRunning += 1;
      const during = await snapshot(ids[index]);
      expect(during).toEqual(before[index]);
    }
    expect(readsWhileRunning).toBeGreaterThan(0);
    await rebuild.settled();

    expect(readModel.generation()).toBe(generation + 1);
    expect(readModel.checkpoint()).toBe(head);
    expect(app.get(ProjectionRunner).position()).toBe(head);
    expect(await Promise.all(ids.map(snapshot))).toEqual(before);
    const old = readModel.db
      .prepare('SELECT count(*) AS n FROM sqlite_master WHERE name LIKE ?')
      .get(`rm_%_g${generation}`) as { n: number };
    expect(old.n).toBe(0);
  });

  test('events appended during a rebuild are in the rebuilt read model', async () => {
    const app = booted.app;
    const rebuild = app.get(ProjectionRebuild);
    await request(booted.url).post('/admin/projections/rebuild').set(auth('admin')).expect(202);
    const written: string[] = [];
    for (let i = 0; rebuild.isRunning() || i < 3; i++) {
      const id = `during-${i}`;
      await seed(app, id, [opened(id), statement('late', '2017-05-18T18:00:00Z')]);
      written.push(id);
    }
    await rebuild.settled();
    const last = await seed(app, 'after-rebuild', [opened('after-rebuild')]);
    expect(app.get(ProjectionRunner).position()).toBe(last.position);
    for (const id of [...written, 'after-rebuild']) {
      const view = await request(booted.url).get(`/incidents/${id}`).expect(200);
      expect((view.body as { incidentId: string }).incidentId).toBe(id);
    }
    const timeline = await request(booted.url).get(`/incidents/${written[0]}/timeline`).expect(200);
    expect((timeline.body as { items: unknown[] }).items).toHaveLength(2);
  });
});
