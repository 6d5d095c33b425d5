import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent, StoredEvent } from '../../event-store/event-store.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import type { IncidentEvent } from '../domain/events.js';
import { streamIdOf } from '../domain/events.js';
import { IncidentFold } from '../domain/incident-fold.js';
import { toRecordedEvent } from '../domain/recorded.js';
import { INCIDENT_ID, opened, statement } from '../domain/testing/samples.js';
import { foldAll } from '../domain/time-travel.js';
import { IncidentFolds } from './incident-folds.js';
import {
  eventRefOf,
  IncidentStateCache,
  LOAD_PAGE,
  type LoadedIncident,
} from './incident-state-cache.js';

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

  const refs = (cache: IncidentStateCache, loaded: LoadedIncident, events: StoredEvent[]) =>
    Promise.all(events.map((event) => cache.refOf(INCIDENT_ID, loaded, event.eventId)));

  test('folds every page, knows every event id and hands back the last page as fresh', async () => {
    const cache = new IncidentStateCache(store);
    const loaded = await cache.load(INCIDENT_ID);
    const events = await all();
    expect(loaded.fold.revision).toBe(EVENTS - 1);
    expect(loaded.fold.state()).toEqual(foldAll(events.map(toRecordedEvent)));
    expect(await refs(cache, loaded, events)).toEqual(events.map(eventRefOf));
    expect(await cache.refOf(INCIDENT_ID, loaded, randomUUID())).toBeUndefined();
    expect(loaded.fresh.map((event) => event.revision)).toEqual(
      events.slice(-(EVENTS % LOAD_PAGE)).map((event) => event.revision),
    );
    // a later load reads only what came after
    const again = await cache.load(INCIDENT_ID);
    expect(again.fold).toBe(loaded.fold);
    expect(again.fresh).toEqual([]);
  });

  test('a shared fold at the head is used without reading the stream; ids are read when asked', async () => {
    const folds = new IncidentFolds();
    const events = await all();
    const head = IncidentFold.of(events.map(toRecordedEvent));
    folds.offer(INCIDENT_ID, head);
    const cache = new IncidentStateCache(store, folds);
    const loaded = await cache.load(INCIDENT_ID);
    expect(loaded.fold).toBe(head);
    expect(loaded.fresh).toEqual([]);
    expect(await refs(cache, loaded, events)).toEqual(events.map(eventRefOf));
    // events appended (and folded inline by someone else) after the load are read by the next
    const next = stored(statement('after'));
    await store.append(streamId, [next], { expectedRevision: EVENTS - 1 });
    head.apply(toRecordedEvent((await store.readStream(streamId, { from: EVENTS }))[0]));
    const after = await cache.load(INCIDENT_ID);
    expect(after.fresh.map((event) => event.eventId)).toEqual([next.eventId]);
    expect(await cache.refOf(INCIDENT_ID, after, next.eventId)).toMatchObject({ revision: EVENTS });
    expect(await cache.refOf(INCIDENT_ID, after, events[1].eventId)).toEqual(eventRefOf(events[1]));
  });
});
