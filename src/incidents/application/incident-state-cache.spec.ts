import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../../event-store/event-store.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import type { IncidentEvent } from '../domain/events.js';
import { streamIdOf } from '../domain/events.js';
import { IncidentFold } from '../domain/incident-fold.js';
import { toRecordedEvent } from '../domain/recorded.js';
import { INCIDENT_ID, opened, statement } from '../domain/testing/samples.js';
import { foldAll } from '../domain/time-travel.js';
import { IncidentFolds } from './incident-folds.js';
import { IncidentStateCache, LOAD_PAGE } from './incident-state-cache.js';

const EVENTS = 2 * LOAD_PAGE + LOAD_PAGE / 2;

const stored = (event: IncidentEvent): NewEvent => ({
  eventId: randomUUID(),
  type: event.type,
  data: event.data,
  metadata: {
    recordedAt: '2017-05-18T20:00:00.000Z',
    recordedBy: 'test',
    correlationId: 'c',
    causationId: null,
    schemaVersion: 1,
  },
});

describe('IncidentStateCache: a cold load of a long stream, a page at a time', () => {
  let dir: string;
  let store: SqliteEventStore;
  const streamId = streamIdOf(INCIDENT_ID);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-state-cache-'));
    store = SqliteEventStore.open(join(dir, 'events.db'));
    const events = [opened, ...Array.from({ length: EVENTS - 1 }, (_, i) => statement(`c${i}`))];
    await store.append(streamId, events.map(stored), { expectedRevision: 'no_stream' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const all = () => store.readStream(streamId);

  test('folds every page, notes every event id and hands back the last page as fresh', async () => {
    const cache = new IncidentStateCache(store);
    const loaded = await cache.load(INCIDENT_ID);
    const events = await all();
    expect(loaded.fold.revision).toBe(EVENTS - 1);
    expect(loaded.fold.state()).toEqual(foldAll(events.map(toRecordedEvent)));
    expect(loaded.revisions.size).toBe(EVENTS);
    for (const event of events) expect(loaded.revisions.get(event.eventId)).toBe(event.revision);
    expect(loaded.fresh.map((event) => event.revision)).toEqual(
      events.slice(-(EVENTS % LOAD_PAGE)).map((event) => event.revision),
    );
    // a later load reads only what came after
    const again = await cache.load(INCIDENT_ID);
    expect(again.fold).toBe(loaded.fold);
    expect(again.fresh).toEqual([]);
  });

  test('a shared fold already at the head is kept as it is while the ids are read', async () => {
    const folds = new IncidentFolds();
    const head = IncidentFold.of((await all()).map(toRecordedEvent));
    folds.offer(INCIDENT_ID, head);
    const loaded = await new IncidentStateCache(store, folds).load(INCIDENT_ID);
    expect(loaded.fold).toBe(head);
    expect(loaded.fold.revision).toBe(EVENTS - 1);
    expect(loaded.revisions.size).toBe(EVENTS);
  });
});
