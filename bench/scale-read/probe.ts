/** Time travel at mid-story, the way GET /incidents/:id answers it: from the read model's rows. */
import type { EventStore } from '../../src/event-store/event-store.js';
import { streamIdOf } from '../../src/incidents/domain/events.js';
import type { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import type { ReadModelQueries } from '../../src/incidents/projections/read-model-queries.js';
import { TimeTravelRows } from '../../src/incidents/projections/time-travel-rows.js';

export interface Probe {
  store: EventStore;
  readModel: ReadModelDatabase;
  queries: ReadModelQueries;
  incidentId: string;
  mid: number;
  midTime: string;
  /** The world time at mid-story, when it is not midTime. */
  midReportedAt?: string;
}

async function timed(answer: () => Promise<string | Buffer[] | undefined>) {
  const start = process.hrtime.bigint();
  const body = (await answer()) ?? '';
  const bytes =
    typeof body === 'string' ? body.length : body.reduce((sum, piece) => sum + piece.length, 0);
  return { ms: Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10, bytes };
}

export async function timeTravelProbe(probe: Probe) {
  const rows = new TimeTravelRows(probe.queries);
  const { incidentId } = probe;
  // what ViewReader does first: is there an event after the read model's revision?
  const fresh = async () => {
    const revision = probe.queries.revision(incidentId) ?? -1;
    await probe.store.readStream(streamIdOf(incidentId), { from: revision + 1, limit: 1 });
  };
  return {
    rawStreamRead: await timed(async () =>
      JSON.stringify(await probe.store.readStream(streamIdOf(incidentId))),
    ),
    asOf: await timed(async () => {
      await fresh();
      const at = rows.asOfRevision(incidentId, probe.midTime);
      return typeof at === 'object' ? rows.atRevisionPieces(incidentId, at.revision) : at;
    }),
    revision: await timed(async () => {
      await fresh();
      return rows.atRevisionPieces(incidentId, probe.mid);
    }),
    reportedBy: await timed(async () => {
      await fresh();
      return rows.reportedByPieces(incidentId, probe.midReportedAt ?? probe.midTime)?.pieces;
    }),
  };
}
