/** Test support: a random story recorded, then projected into an in-memory read model. */
import type { StoredEvent } from '../../../event-store/event-store.js';
import { SCHEMA_VERSION, streamIdOf } from '../../domain/events.js';
import type { RecordedIncidentEvent } from '../../domain/state.js';
import { randomStory, seededRandom } from '../../domain/testing/random-story.js';
import { FakeClock, Recorder } from '../../domain/testing/recorder.js';
import { ProjectionWriter } from '../projection-writer.js';
import { ReadModelDatabase } from '../read-model-database.js';
import { ReadModelQueries } from '../read-model-queries.js';

/** Recorded from 2017-05-18T00:00Z; its world times start at `start` (by default the same). */
export function story(
  seed: number,
  count: number,
  incidentId: string,
  start?: string,
): RecordedIncidentEvent[] {
  const recorder = new Recorder(new FakeClock('2017-05-18T00:00:00Z'));
  recorder.record(...randomStory({ seed, events: count, incidentId, start }));
  return recorder.events;
}

export const stored = (event: RecordedIncidentEvent, incidentId: string): StoredEvent => ({
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

/** Applies the events in random batches, with a new writer (an empty cache) now and then. */
export function project(
  events: RecordedIncidentEvent[],
  incidentId: string,
  seed: number,
): { readModel: ReadModelDatabase; queries: ReadModelQueries } {
  const readModel = ReadModelDatabase.open(':memory:');
  const random = seededRandom(seed);
  let writer = new ProjectionWriter(readModel);
  for (let at = 0; at < events.length;) {
    const size = 1 + Math.floor(random() * 60);
    const batch = events.slice(at, at + size).map((event) => stored(event, incidentId));
    writer.apply(readModel.generation(), batch);
    if (random() < 0.2) writer = new ProjectionWriter(readModel);
    at += size;
  }
  return { readModel, queries: new ReadModelQueries(readModel) };
}
