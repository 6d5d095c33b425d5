import { afterEach, describe, expect, test } from '@jest/globals';
import type { StoredEvent } from '../../event-store/event-store.js';
import { SCHEMA_VERSION, streamIdOf } from '../domain/events.js';
import { claimHistory } from '../domain/history.js';
import type { RecordedIncidentEvent } from '../domain/state.js';
import { randomStory, seededRandom } from '../domain/testing/random-story.js';
import { FakeClock, Recorder } from '../domain/testing/recorder.js';
import { foldAll } from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import { ProjectionWriter } from './projection-writer.js';
import { ReadModelDatabase } from './read-model-database.js';
import { ReadModelQueries } from './read-model-queries.js';

function story(seed: number, count: number, incidentId: string): RecordedIncidentEvent[] {
  const recorder = new Recorder(new FakeClock('2017-05-18T00:00:00Z'));
  recorder.record(...randomStory({ seed, events: count, incidentId }));
  return recorder.events;
}

const stored = (event: RecordedIncidentEvent, incidentId: string): StoredEvent => ({
  eventId: event.eventId,
  type: event.type,
  data: event.data,
  streamId: streamIdOf(incidentId),
  revision: event.revision,
  position: event.position,
  metadata: {
    recordedAt: event.recordedAt,
    recordedBy: event.recordedBy,
    correlationId: event.eventId,
    causationId: null,
    schemaVersion: SCHEMA_VERSION[event.type],
  },
});

let readModel: ReadModelDatabase | undefined;
afterEach(() => readModel?.close());

/** Applies the events in random batches; a new writer (an empty cache) now and then. */
function project(events: RecordedIncidentEvent[], incidentId: string, seed: number) {
  readModel = ReadModelDatabase.open(':memory:');
  const random = seededRandom(seed);
  let writer = new ProjectionWriter(readModel);
  for (let at = 0; at < events.length;) {
    const size = 1 + Math.floor(random() * 60);
    const batch = events.slice(at, at + size).map((event) => stored(event, incidentId));
    writer.apply(readModel.generation(), batch);
    if (random() < 0.2) writer = new ProjectionWriter(readModel);
    at += size;
  }
  return new ReadModelQueries(readModel);
}

describe('ProjectionWriter: rows per claim give what a full fold gives', () => {
  test.each([11, 12, 13])('random story %i: view, list summary and claim history', (seed) => {
    const incidentId = `random-${seed}`;
    const events = story(seed, 1500, incidentId);
    const queries = project(events, incidentId, seed);
    const state = foldAll(events);
    const view = toIncidentView(state!);
    expect(queries.view(incidentId)).toEqual(view);
    const [summary] = queries.list({ limit: 10 }).map((row) => row.summary);
    expect(summary).toMatchObject({ revision: view.revision, claimCount: view.claims.length });
    expect(summary.casualties).toEqual(
      view.casualties.map(({ measure, group, min, max }) => ({ measure, group, min, max })),
    );
    for (const claim of view.claims.slice(0, 20)) {
      expect(queries.claimHistory(incidentId, claim.claimId)).toEqual(
        claimHistory(events, claim.claimId).versions,
      );
      expect(queries.claim(incidentId, claim.claimId)).toEqual(claim);
    }
  });

  test('a batch delivered again changes nothing', () => {
    const events = story(14, 200, 'again');
    const queries = project(events, 'again', 14);
    const before = queries.view('again');
    expect(before?.revision).toBe(199);
    const writer = new ProjectionWriter(readModel!);
    writer.apply(
      readModel!.generation(),
      events.map((event) => stored(event, 'again')),
    );
    expect(queries.view('again')).toEqual(before);
  });
});
