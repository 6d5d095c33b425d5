import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../../common/clock.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import type { Command } from '../domain/commands.js';
import { INCIDENT_STREAM_PREFIX, streamIdOf } from '../domain/events.js';
import { toRecordedEvent } from '../domain/recorded.js';
import { foldAll } from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import { ProjectionWriter } from '../projections/projection-writer.js';
import { ReadModelDatabase } from '../projections/read-model-database.js';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import { DecideBatches } from './decide-batch.js';
import { IncidentFolds } from './incident-folds.js';
import { IncidentStateCache } from './incident-state-cache.js';
import type { WriteRequest } from './write-request.js';

const INCIDENT = 'shared-fold';
const principal = { name: 'desk', role: 'reporter' as const };
const write = (command: Command): WriteRequest => ({ command, principal, correlationId: 't' });
const statement = (claimId: string): Command => ({
  type: 'ReportStatement',
  incidentId: INCIDENT,
  claimId,
  text: `Statement ${claimId}`,
  attribution: [{ name: 'Reuters', kind: 'wire' }],
  reportedAt: '2017-05-18T19:05:00Z',
});

describe('IncidentFolds: one fold per incident for the write path and the inline projection', () => {
  let dir: string;
  let store: SqliteEventStore;
  let folds: IncidentFolds;
  let cache: IncidentStateCache;
  let batches: DecideBatches;
  let queries: ReadModelQueries;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-folds-'));
    store = SqliteEventStore.open(join(dir, 'events.db'));
    const readModel = ReadModelDatabase.shared(store.connection());
    folds = new IncidentFolds();
    const writer = new ProjectionWriter(readModel, folds);
    let checkpoint = readModel.checkpoint();
    store.project({
      streamPrefix: INCIDENT_STREAM_PREFIX,
      position: () => checkpoint,
      apply: (events) => writer.apply(readModel.generation(), events),
      committed: (position) => (checkpoint = position),
    });
    queries = new ReadModelQueries(readModel);
    cache = new IncidentStateCache(store, folds);
    batches = new DecideBatches(store, cache, new SystemClock());
    await batches.submit(write({ type: 'OpenIncident', incidentId: INCIDENT, title: 'Folds' }));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const storedState = async () =>
    foldAll((await store.readStream(streamIdOf(INCIDENT))).map(toRecordedEvent));

  test('the projection moves on the fold the write path decides on, and both stay exact', async () => {
    await Promise.all(['a', 'b', 'c'].map((id) => batches.submit(write(statement(id)))));
    const result = await batches.submit(write(statement('d')));
    const { fold } = await cache.load(INCIDENT);
    // the same object: the incident is folded once, by whichever side has the next events
    expect(folds.get(INCIDENT)).toBe(fold);
    expect(fold.revision).toBe(result.revision);
    // an append alone (no load by the write path) moves it on: the projection folded it inline
    const [last] = await store.readStream(streamIdOf(INCIDENT), { from: fold.revision });
    const again = {
      ...last,
      eventId: '5f0e6a4e-0000-4000-8000-000000000001',
      data: { ...(last.data as object), claimId: 'e' },
    };
    await store.append(streamIdOf(INCIDENT), [again], { expectedRevision: fold.revision });
    expect(folds.get(INCIDENT)).toBe(fold);
    expect(fold.revision).toBe(result.revision + 1);
    const state = await storedState();
    expect(fold.state()).toEqual(state);
    expect(queries.view(INCIDENT)).toEqual(toIncidentView(state!));
  });

  test('a fold ahead of the stream (a commit that failed after the inline projection) is refolded', async () => {
    await batches.submit(write(statement('a')));
    const ahead = folds.get(INCIDENT)!;
    const [last] = await store.readStream(streamIdOf(INCIDENT), { from: ahead.revision });
    // as if the projection had folded an event whose commit then failed
    ahead.apply({
      ...toRecordedEvent(last),
      eventId: 'never-stored',
      revision: ahead.revision + 1,
      data: { ...(last.data as object), claimId: 'never-stored' },
    } as ReturnType<typeof toRecordedEvent>);
    const { fold } = await cache.load(INCIDENT);
    expect(fold).not.toBe(ahead);
    expect(fold.state()).toEqual(await storedState());
    const next = await batches.submit(write(statement('b')));
    expect(next.revision).toBe(fold.revision);
    expect(queries.view(INCIDENT)?.claims.map((claim) => claim.claimId)).toEqual(['a', 'b']);
  });
});
