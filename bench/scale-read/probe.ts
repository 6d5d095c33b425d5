/** Time travel at mid-story, the way the HTTP routes answer it (before: a fold of the stream). */
import type { EventStore } from '../../src/event-store/event-store.js';
import { isIncidentEventType, streamIdOf } from '../../src/incidents/domain/events.js';
import { toRecordedEvent } from '../../src/incidents/domain/recorded.js';
import type { IncidentState } from '../../src/incidents/domain/state.js';
import {
  foldAsOf,
  foldReportedBy,
  foldToRevision,
} from '../../src/incidents/domain/time-travel.js';
import { toIncidentView } from '../../src/incidents/domain/view.js';
import type { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import type { ReadModelQueries } from '../../src/incidents/projections/read-model-queries.js';

export interface Probe {
  store: EventStore;
  readModel: ReadModelDatabase;
  queries: ReadModelQueries;
  incidentId: string;
  mid: number;
  midTime: string;
}

async function timed(answer: () => Promise<string>) {
  const start = process.hrtime.bigint();
  const body = await answer();
  return { ms: Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10, bytes: body.length };
}

export async function timeTravelProbe(probe: Probe) {
  const fold = async (
    how: (events: ReturnType<typeof toRecordedEvent>[]) => IncidentState | null,
  ) => {
    const stored = await probe.store.readStream(streamIdOf(probe.incidentId));
    const events = stored.filter((event) => isIncidentEventType(event.type)).map(toRecordedEvent);
    const state = how(events);
    return JSON.stringify(state && toIncidentView(state));
  };
  return {
    asOf: await timed(() => fold((events) => foldAsOf(events, probe.midTime))),
    revision: await timed(() => fold((events) => foldToRevision(events, probe.mid))),
    reportedBy: await timed(() => fold((events) => foldReportedBy(events, probe.midTime))),
  };
}
