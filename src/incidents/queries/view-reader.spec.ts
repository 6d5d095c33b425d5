import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { StoredEvent } from '../../event-store/event-store.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { SCHEMA_VERSION, streamIdOf } from '../domain/events.js';
import { toRecordedEvent } from '../domain/recorded.js';
import type { RecordedIncidentEvent } from '../domain/state.js';
import { seededRandom } from '../domain/testing/random-story.js';
import { foldReportedBy, foldReportedByAsOf, foldToRevision } from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import { ProjectionWriter } from '../projections/projection-writer.js';
import { ReadModelDatabase } from '../projections/read-model-database.js';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import { story } from '../projections/testing/project.js';
import { IncidentEvents } from './incident-events.service.js';
import { type PointInTime, type ViewBody, ViewReader } from './view-reader.service.js';

const ID = 'reader';

/** The body's text and revision, as made whole (or kept). */
const made = (body: ViewBody) => {
  if (!('key' in body)) return body;
  const view = body.kept() ?? body.whole();
  return { json: Buffer.concat(view.pieces).toString(), revision: view.revision };
};

/**
 * Both paths of the view reader, the read model's rows (caught up) and the fold of the stream
 * (the read model lags), answer reportedBy and bitemporal views as the plain folds do, with basis.
 */
describe('ViewReader: reportedBy and bitemporal views, from rows and while the projection lags', () => {
  let store: SqliteEventStore;
  let events: RecordedIncidentEvent[];
  let stored: StoredEvent[];
  const readModels: ReadModelDatabase[] = [];

  /** A reader over a read model that has applied the first `count` events. */
  const readerProjecting = (count: number): ViewReader => {
    const readModel = ReadModelDatabase.open(':memory:');
    readModels.push(readModel);
    new ProjectionWriter(readModel).apply(readModel.generation(), stored.slice(0, count));
    return new ViewReader(new ReadModelQueries(readModel), new IncidentEvents(store), store);
  };

  beforeAll(async () => {
    store = SqliteEventStore.open(':memory:');
    const recorded = story(41, 400, ID);
    await store.append(
      streamIdOf(ID),
      recorded.map((event) => ({
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        metadata: {
          recordedAt: event.recordedAt,
          recordedBy: event.recordedBy,
          correlationId: event.eventId,
          causationId: null,
          schemaVersion: SCHEMA_VERSION[event.type],
        },
      })),
      { expectedRevision: 'no_stream' },
    );
    stored = await store.readStream(streamIdOf(ID));
    events = stored.map(toRecordedEvent);
  });
  afterAll(async () => {
    for (const readModel of readModels) readModel.close();
    await store.close();
  });

  test('every answer equals the plain fold, basis included; nothing found is a 404', async () => {
    const readers = [readerProjecting(events.length), readerProjecting(250)];
    const random = seededRandom(42);
    const first = Date.parse(events[0].recordedAt);
    const span = Date.parse(events[events.length - 1].recordedAt) - first;
    const instant = () => new Date(first - 60_000 + random() * (span + 120_000)).toISOString();
    for (let i = 0; i < 25; i++) {
      const reportedBy = instant();
      for (const asOf of [undefined, instant()]) {
        const state =
          asOf === undefined
            ? foldReportedBy(events, reportedBy)
            : foldReportedByAsOf(events, reportedBy, asOf);
        const point: PointInTime = { reportedBy, ...(asOf !== undefined && { asOf }) };
        for (const reader of readers) {
          const answer = reader.at(ID, point).then(made);
          if (!state) {
            await expect(answer).rejects.toMatchObject({ problem: { status: 404 } });
            continue;
          }
          const body = await answer;
          expect(body.revision).toBe(state.revision);
          expect(JSON.parse(body.json)).toEqual({
            ...toIncidentView(state),
            basis: { reportedBy, ...(asOf !== undefined && { asOf }) },
          });
        }
      }
    }
  });

  test('kept answers: a repeat is the same view, and a reportedBy follows new events', async () => {
    const growing = SqliteEventStore.open(':memory:');
    const readModel = ReadModelDatabase.open(':memory:');
    readModels.push(readModel);
    const writer = new ProjectionWriter(readModel);
    const reader = new ViewReader(
      new ReadModelQueries(readModel),
      new IncidentEvents(growing),
      growing,
    );
    const appendThrough = async (count: number) => {
      const from = (await growing.readStream(streamIdOf(ID))).length;
      await growing.append(
        streamIdOf(ID),
        stored.slice(from, count).map(({ eventId, type, data, metadata }) => ({
          eventId,
          type,
          data,
          metadata,
        })),
        { expectedRevision: from === 0 ? 'no_stream' : from - 1 },
      );
      writer.apply(readModel.generation(), await growing.readAll({ after: '0', limit: 10_000 }));
    };
    const reportedBy = '2030-01-01T00:00:00.000Z';
    const viewOf = async (point: PointInTime) =>
      JSON.parse(made(await reader.at(ID, point)).json) as unknown;
    const reportedByFold = (count: number) => {
      const state = foldReportedBy(events.slice(0, count), reportedBy);
      return state && { ...toIncidentView(state), basis: { reportedBy } };
    };
    const at120 = foldToRevision(events, 120);
    const atRevision = at120 && toIncidentView(at120);
    await appendThrough(200);
    for (let i = 0; i < 2; i++) {
      expect(await viewOf({ revision: 120 })).toEqual(atRevision);
      expect(await viewOf({ reportedBy })).toEqual(reportedByFold(200));
    }
    await appendThrough(400);
    expect(await viewOf({ reportedBy })).toEqual(reportedByFold(400));
    expect(await viewOf({ reportedBy })).not.toEqual(reportedByFold(200));
    expect(await viewOf({ revision: 120 })).toEqual(atRevision);
    await growing.close();
  });
});
