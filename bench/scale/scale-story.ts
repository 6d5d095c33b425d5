import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

const RECORDED_FROM = Date.parse('2026-01-01T00:00:00Z');
const REPORTED_FROM = Date.parse('2025-12-31T00:00:00Z');
const APPEND_SIZE = 1000;
const attribution = [{ name: 'Reuters', kind: 'wire' }];

/** Where the middle of a built story is, for the time-travel figures. */
export interface Story {
  incidentId: string;
  events: number;
  midRevision: number;
  midRecordedAt: string;
  midReportedAt: string;
}

/** recordedAt of event `i`: one a second. reportedAt: one a second, every 7th an hour late. */
const recordedAt = (i: number) => new Date(RECORDED_FROM + i * 1000).toISOString();
const reportedAt = (i: number) =>
  new Date(REPORTED_FROM + i * 1000 - (i % 7 === 0 ? 3_600_000 : 0)).toISOString();

function event(i: number, type: string, data: unknown): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      recordedAt: recordedAt(i),
      recordedBy: 'bench',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

/**
 * A story of `count` events as `decide` would have written them: mostly statements, every 10th
 * event a source's revision of a recent claim, every 25th a retraction; back-dated reports.
 */
function* storyEvents(incidentId: string, count: number): Generator<NewEvent> {
  yield event(0, 'IncidentOpened', { incidentId, title: `Scale bench, ${count} events` });
  const live: string[] = [];
  for (let i = 1; i < count; i++) {
    if (i % 25 === 0 && live.length > 5) {
      const [claimId] = live.splice(live.length - 3, 1);
      yield event(i, 'ClaimRetracted', {
        claimId,
        attribution,
        reportedAt: reportedAt(i),
        reason: 'The source withdrew it.',
      });
    } else if (i % 10 === 0 && live.length > 5) {
      yield event(i, 'ClaimRevisedBySource', {
        claimId: live[live.length - 5],
        text: `Revised statement ${i}: the figure was later put higher by the same official.`,
        attribution,
        reportedAt: reportedAt(i),
      });
    } else {
      const claimId = `c-${i.toString(16).padStart(8, '0')}`;
      live.push(claimId);
      yield event(i, 'StatementReported', {
        claimId,
        text: `Statement ${i}: a coalition strike was reported near the border crossing.`,
        quoted: 'paraphrase',
        attribution,
        reportedAt: reportedAt(i),
      });
    }
  }
}

/** Appends the story straight to the store file (1,000 events per append), not over HTTP. */
export async function buildStory(file: string, incidentId: string, count: number): Promise<Story> {
  const store = SqliteEventStore.open(file);
  try {
    const streamId = `incident-${incidentId}`;
    let chunk: NewEvent[] = [];
    let revision = -1;
    const flush = async () => {
      await store.append(streamId, chunk, {
        expectedRevision: revision < 0 ? 'no_stream' : revision,
      });
      revision += chunk.length;
      chunk = [];
    };
    for (const next of storyEvents(incidentId, count)) {
      chunk.push(next);
      if (chunk.length >= APPEND_SIZE) await flush();
    }
    if (chunk.length > 0) await flush();
  } finally {
    await store.close();
  }
  const mid = Math.floor(count / 2);
  return {
    incidentId,
    events: count,
    midRevision: mid,
    midRecordedAt: recordedAt(mid),
    midReportedAt: new Date(REPORTED_FROM + mid * 1000).toISOString(),
  };
}
