import { afterEach, describe, expect, test } from '@jest/globals';
import { evolve } from '../domain/evolve.js';
import type { IncidentState, RecordedIncidentEvent } from '../domain/state.js';
import { seededRandom } from '../domain/testing/random-story.js';
import { foldReportedBy } from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import type { ReadModelDatabase } from './read-model-database.js';
import { project, story } from './testing/project.js';
import { TimeTravelRows } from './time-travel-rows.js';

let readModel: ReadModelDatabase | undefined;
afterEach(() => readModel?.close());

/** The plain fold: evolve over the events that count, from revision 0. */
const plain = (
  events: RecordedIncidentEvent[],
  keep: (event: RecordedIncidentEvent) => boolean,
) => {
  const state = events.filter(keep).reduce<IncidentState | null>(evolve, null);
  return state && toIncidentView(state);
};

describe('TimeTravelRows answers exactly what a full fold answers', () => {
  const incidentId = 'travel';
  const events = story(21, 3000, incidentId);
  const random = seededRandom(22);
  const first = Date.parse(events[0].recordedAt);
  const last = Date.parse(events[events.length - 1].recordedAt);
  const instant = () => new Date(first - 5000 + random() * (last - first + 10_000)).toISOString();

  test('revision, asOf and reportedBy at random points of a 3,000-event story', () => {
    const projected = project(events, incidentId, 23);
    readModel = projected.readModel;
    const rows = new TimeTravelRows(projected.queries);
    const revisions = [0, 1, events.length - 1];
    for (let i = 0; i < 40; i++) revisions.push(Math.floor(random() * events.length));
    for (const revision of revisions) {
      const json = rows.atRevisionJson(incidentId, revision);
      expect(json && JSON.parse(json)).toEqual(plain(events, (e) => e.revision <= revision));
    }
    for (let i = 0; i < 40; i++) {
      const t = instant();
      const expected = plain(events, (e) => Date.parse(e.recordedAt) <= Date.parse(t));
      const asOf = rows.asOfRevision(incidentId, t);
      if (expected === null) expect(asOf).toBe('none');
      else {
        expect(asOf).toEqual({ revision: expected.revision });
        const json = rows.atRevisionJson(incidentId, expected.revision);
        expect(JSON.parse(json ?? 'null')).toEqual(expected);
      }
      // a time of its own, and one a report was said at exactly
      const said = events[Math.floor(random() * events.length)];
      const exact = 'reportedAt' in said.data ? said.data.reportedAt : said.recordedAt;
      for (const when of [t, exact]) {
        const reported = foldReportedBy(events, when);
        expect(rows.reportedBy(incidentId, when)).toEqual(reported && toIncidentView(reported));
      }
    }
  });

  test('asOf says when the events recorded by T are not a prefix (the clock stepped back)', () => {
    const stepped = events.slice(0, 200).map((event, i) =>
      // events 100–109 were recorded with a clock 1 hour behind
      i >= 100 && i < 110
        ? { ...event, recordedAt: new Date(Date.parse(event.recordedAt) - 3_600_000).toISOString() }
        : event,
    );
    const projected = project(stepped, incidentId, 24);
    readModel = projected.readModel;
    const rows = new TimeTravelRows(projected.queries);
    expect(rows.asOfRevision(incidentId, stepped[50].recordedAt)).toBe('not-prefix');
    expect(rows.asOfRevision(incidentId, stepped[150].recordedAt)).toEqual({ revision: 150 });
    expect(rows.asOfRevision(incidentId, '2000-01-01T00:00:00Z')).toBe('none');
  });
});
