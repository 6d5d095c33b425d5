import { afterEach, describe, expect, test } from '@jest/globals';
import { claimHistory } from '../domain/history.js';
import { foldAll } from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import { ProjectionWriter } from './projection-writer.js';
import type { ReadModelDatabase } from './read-model-database.js';
import type { ReadModelQueries } from './read-model-queries.js';
import { project as projectInto, story, stored } from './testing/project.js';

let readModel: ReadModelDatabase | undefined;
afterEach(() => readModel?.close());

function project(...args: Parameters<typeof projectInto>): ReadModelQueries {
  const projected = projectInto(...args);
  readModel = projected.readModel;
  return projected.queries;
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
