import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { ProjectionRunner } from '../../src/incidents/projections/projection-runner.js';
import { ProjectionWriter } from '../../src/incidents/projections/projection-writer.js';
import { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { ReadModelQueries } from '../../src/incidents/projections/read-model-queries.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { foldedView, seed } from './seed.js';
import { casualties, disputed, opened, revised, statement } from '../support/incident-events.js';

describe('the projection runner', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(async () => {
    await booted.close();
  });

  test('projects the view, the timeline and claim history of each incident', async () => {
    const { app } = booted;
    await seed(app, 'strike-one', [
      opened('strike-one'),
      statement('target', '2017-05-18T15:30:00Z'),
      statement('militia', '2017-05-18T17:00:00Z'),
      disputed('target', 'militia'),
    ]);
    await seed(app, 'strike-two', [
      opened('strike-two'),
      casualties('toll', [3, null], '2017-05-18T19:00:00Z'),
    ]);
    await seed(app, 'strike-one', [casualties('toll', [6, 6], '2017-05-18T20:00:00Z')]);
    await seed(app, 'strike-two', [revised('toll', [6, 6], '2017-05-18T21:00:00Z')]);

    const queries = app.get(ReadModelQueries);
    expect(queries.view('strike-one')).toEqual(await foldedView(app, 'strike-one'));
    expect(queries.view('strike-two')).toEqual(await foldedView(app, 'strike-two'));
    const timeline = queries.timeline('strike-one', { by: 'recorded', order: 'asc', limit: 100 });
    expect(timeline.map((row) => row.entry.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(timeline[3].entry.summary).toContain('disputes claim target');
    const history = queries.claimHistory('strike-two', 'toll');
    expect(history.map((version) => version.type)).toEqual([
      'CasualtyFiguresReported',
      'ClaimRevisedBySource',
    ]);
    expect(history[1].claim.figures?.[0]).toMatchObject({ min: 6, max: 6 });
  });

  test('waitFor resolves when the position is applied, and false after its timeout', async () => {
    const { app } = booted;
    const runner = app.get(ProjectionRunner);
    const result = await seed(app, 'strike-three', [opened('strike-three')]);
    expect(runner.position()).toBe(result.position);
    await expect(runner.waitFor(result.position, 10)).resolves.toBe(true);
    const beyond = (BigInt(result.position) + 1000n).toString();
    await expect(runner.waitFor(beyond, 20)).resolves.toBe(false);
  });

  test('events at or below the checkpoint are skipped when delivered again', async () => {
    const { app } = booted;
    const store = app.get<EventStore>(EVENT_STORE);
    const readModel = app.get(ReadModelDatabase);
    const writer = app.get(ProjectionWriter);
    const queries = app.get(ReadModelQueries);
    const before = {
      checkpoint: readModel.checkpoint(),
      view: queries.view('strike-one'),
      timeline: queries.timeline('strike-one', { by: 'recorded', order: 'asc', limit: 100 }),
      history: queries.claimHistory('strike-one', 'target'),
    };
    const everything = await store.readAll({ after: '0', limit: 10_000 });
    expect(writer.apply(readModel.generation(), everything)).toBe(before.checkpoint);
    expect(readModel.checkpoint()).toBe(before.checkpoint);
    expect(queries.view('strike-one')).toEqual(before.view);
    expect(queries.view('strike-one')?.claims[0].versions).toBe(2);
    expect(queries.timeline('strike-one', { by: 'recorded', order: 'asc', limit: 100 })).toEqual(
      before.timeline,
    );
    expect(queries.claimHistory('strike-one', 'target')).toEqual(before.history);
  });

  test('an event that cannot be folded is skipped and logged; the incident goes on', async () => {
    const { app } = booted;
    await seed(app, 'corrupt', [
      opened('corrupt'),
      disputed('no-such-claim', 'neither'),
      statement('fine', '2017-05-18T15:30:00Z'),
    ]);
    const queries = app.get(ReadModelQueries);
    expect(queries.view('corrupt')?.claims.map((claim) => claim.claimId)).toEqual(['fine']);
    expect(
      queries
        .timeline('corrupt', { by: 'recorded', order: 'asc', limit: 10 })
        .map((row) => row.entry.revision),
    ).toEqual([0, 2]);
  });
});
