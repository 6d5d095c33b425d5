import { afterEach, describe, expect, test } from '@jest/globals';
import { evolve } from '../../src/incidents/domain/evolve.js';
import type { IncidentState, RecordedIncidentEvent } from '../../src/incidents/domain/state.js';
import { seededRandom } from '../../src/incidents/domain/testing/random-story.js';
import { foldReportedBy, foldReportedByAsOf } from '../../src/incidents/domain/time-travel.js';
import { toIncidentView } from '../../src/incidents/domain/view.js';
import { earliestWorldTime, worldTimeOf } from '../../src/incidents/domain/world-time.js';
import type { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { project, story } from '../../src/incidents/projections/testing/project.js';
import { TimeTravelRows } from '../../src/incidents/projections/time-travel-rows.js';

let readModel: ReadModelDatabase | undefined;
afterEach(() => readModel?.close());

/** What the plain reportedBy folds answer (bitemporal with `asOf`). */
const plainReportedBy = (events: RecordedIncidentEvent[], t: string, asOf?: string) => {
  const state =
    asOf === undefined ? foldReportedBy(events, t) : foldReportedByAsOf(events, t, asOf);
  return state && toIncidentView(state);
};

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

  test('revision, asOf, reportedBy and both at random points of a 3,000-event story', () => {
    const projected = project(events, incidentId, 23);
    readModel = projected.readModel;
    // claims joined 7 at a time, so piece boundaries fall everywhere
    const rows = new TimeTravelRows(projected.queries, 7);
    const revisions = [0, 1, events.length - 1];
    for (let i = 0; i < 40; i++) revisions.push(Math.floor(random() * events.length));
    for (const revision of revisions) {
      // the very text of the fold's view: same content, same key order (API.md)
      const json = rows.atRevisionJson(incidentId, revision);
      expect(json).toBe(JSON.stringify(plain(events, (e) => e.revision <= revision)));
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
      // a time of its own, one an event was said at exactly, each alone and with an asOf
      const said = events[Math.floor(random() * events.length)];
      const exact = worldTimeOf(said) ?? said.recordedAt;
      const recorded = events[Math.floor(random() * events.length)].recordedAt;
      for (const when of [t, exact]) {
        for (const asOf of [undefined, instant(), recorded]) {
          const pieces = rows.reportedByPieces(incidentId, when, asOf)?.pieces;
          const view = pieces ? Buffer.concat(pieces).toString() : null;
          const expected = plainReportedBy(events, when, asOf);
          expect(view).toBe(expected && JSON.stringify(expected));
        }
      }
    }
  });

  test('reportedBy when world times mostly follow the stream (a long prefix counts whole)', () => {
    // every dated event said a minute before it was recorded, every 7th an hour before: so a
    // reportedBy T counts a long prefix of the stream whole, then the back-dated reports after it
    const inOrder = events.map((event) => {
      if (!('reportedAt' in event.data) || event.data.reportedAt === undefined) return event;
      const late = event.revision % 7 === 0 ? 3_600_000 : 60_000;
      const reportedAt = new Date(Date.parse(event.recordedAt) - late).toISOString();
      return { ...event, data: { ...event.data, reportedAt } } as RecordedIncidentEvent;
    });
    const projected = project(inOrder, incidentId, 28);
    readModel = projected.readModel;
    const rows = new TimeTravelRows(projected.queries, 5);
    const said = (i: number) => worldTimeOf(inOrder[i]) ?? inOrder[i].recordedAt;
    const times = [instant(), instant(), said(inOrder.length - 1), said(1), said(2)];
    for (let i = 0; i < 30; i++) times.push(said(Math.floor(random() * inOrder.length)));
    for (const when of times) {
      expect(rows.reportedBy(incidentId, when)).toEqual(plainReportedBy(inOrder, when));
      // bitemporal: the events recorded by then are a prefix, so the same way answers
      const asOf = inOrder[Math.floor(random() * inOrder.length)].recordedAt;
      expect(rows.reportedBy(incidentId, when, asOf)).toEqual(plainReportedBy(inOrder, when, asOf));
    }
  });

  test('reportedBy before every world time (after the opening was recorded) finds nothing', () => {
    // every world time at least 6 hours after the opening was recorded
    const later = story(27, 300, incidentId, '2017-05-18T06:00:00Z');
    const projected = project(later, incidentId, 25);
    readModel = projected.readModel;
    const rows = new TimeTravelRows(projected.queries);
    const earliest = earliestWorldTime(later) ?? 0;
    expect(earliest).toBeGreaterThan(Date.parse(later[0].recordedAt));
    for (const ms of [Date.parse(later[0].recordedAt), earliest - 1]) {
      const before = new Date(ms).toISOString();
      expect(plainReportedBy(later, before)).toBeNull();
      expect(rows.reportedBy(incidentId, before)).toBeNull();
      expect(rows.reportedBy(incidentId, before, later[20].recordedAt)).toBeNull();
    }
    const at = new Date(earliest).toISOString();
    expect(rows.reportedBy(incidentId, at)).not.toBeNull();
    expect(rows.reportedBy(incidentId, at)).toEqual(plainReportedBy(later, at));
    // the opening alone: no world time at all, so it counts from its recordedAt
    const opened = project(events.slice(0, 1), incidentId, 26);
    const alone = new TimeTravelRows(opened.queries);
    const t = events[0].recordedAt;
    expect(alone.reportedBy(incidentId, t)).toEqual(plainReportedBy(events.slice(0, 1), t));
    expect(alone.reportedBy(incidentId, t)).not.toBeNull();
    opened.readModel.close();
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
    // bitemporal views filter on recordedAt, prefix or not, as the plain fold does
    for (const i of [50, 99, 105, 150]) {
      const asOf = stepped[i].recordedAt;
      for (const when of [stepped[i].recordedAt, worldTimeOf(stepped[i + 3]) ?? asOf]) {
        expect(rows.reportedBy(incidentId, when, asOf)).toEqual(
          plainReportedBy(stepped, when, asOf),
        );
      }
    }
  });
});
