/**
 * Read-side cost profile (not part of `npm run bench`): seeds one incident of N events through
 * the SQLite store, then times projection catch-up from empty, the current view, and time travel
 * at mid-story. Run: `node bench/scale-read/run.mjs 10000 30000 100000` (add --cpu-prof to node
 * for a profile).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { SCHEMA_VERSION, streamIdOf } from '../../src/incidents/domain/events.js';
import { randomStory } from '../../src/incidents/domain/testing/random-story.js';
import { ProjectionWriter } from '../../src/incidents/projections/projection-writer.js';
import { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { ReadModelQueries } from '../../src/incidents/projections/read-model-queries.js';
import { IncidentStateCache } from '../../src/incidents/application/incident-state-cache.js';
import { buildStory } from '../scale/scale-story.js';
import { timeTravelProbe } from './probe.js';

/** `--scale-story`: the story `npm run bench -- scale` builds, read model in the store's file. */
const SCALE_STORY = process.argv.includes('--scale-story');
const BATCH_LOG = process.argv.includes('--batches');
/** Events per applied batch (the runner applies at most 5,000). */
const BATCH = Number(process.env.PROFILE_BATCH ?? 5000);

const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function seed(store: SqliteEventStore, incidentId: string, count: number) {
  const events = randomStory({ seed: 7, events: count, incidentId });
  const clock = Date.parse('2017-05-18T00:00:00Z');
  const stored: NewEvent[] = events.map((event, i) => ({
    eventId: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      recordedAt: new Date(clock + i * 60_000).toISOString(),
      recordedBy: 'profile',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: SCHEMA_VERSION[event.type],
    },
  }));
  for (let i = 0; i < stored.length; i += 1000) {
    await store.append(streamIdOf(incidentId), stored.slice(i, i + 1000), {
      expectedRevision: 'any',
    });
  }
  return { events, clock };
}

const mib = (bytes: number) => Math.round(bytes / 1048576);

/** With `--expose-gc`: what stays on the heap once the catch-up's garbage is collected. */
function memoryAfterCatchUp() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return {};
  gc();
  const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
  return {
    rssMiB: mib(rss),
    heapTotalMiB: mib(heapTotal),
    heapUsedMiB: mib(heapUsed),
    externalMiB: mib(external),
  };
}

async function profile(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'scale-read-'));
  const incidentId = `scale-${count}`;
  const file = join(dir, 'events.db');
  const story = SCALE_STORY ? await buildStory(file, incidentId, count) : undefined;
  const store = SqliteEventStore.open(file);
  const readModel = ReadModelDatabase.open(SCALE_STORY ? file : join(dir, 'read-model.db'));
  try {
    const { clock } = story
      ? { clock: Date.parse(story.midRecordedAt) - Math.floor(count / 2) * 60_000 }
      : await seed(store, incidentId, count);
    const writer = new ProjectionWriter(readModel);
    const generation = readModel.generation();
    let after = '0';
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (;;) {
      const page = await store.readAll({ after, limit: BATCH });
      if (page.length === 0) break;
      const batchStart = process.hrtime.bigint();
      after = writer.apply(generation, page, page.at(-1)?.position);
      if (BATCH_LOG) console.log(`batch to ${after}: ${msSince(batchStart).toFixed(0)} ms`);
    }
    const catchUpMs = msSince(start);
    const catchUpCpu = process.cpuUsage(cpu);
    const memory = memoryAfterCatchUp();
    // what the write path's cache of the incident adds (what one write loads in the server)
    const writeCache = new IncidentStateCache(store);
    await writeCache.load(incidentId);
    const withWriteCache = memoryAfterCatchUp();
    const queries = new ReadModelQueries(readModel);
    const viewStart = process.hrtime.bigint();
    const body = queries.viewJson(incidentId)?.json ?? '';
    const viewMs = msSince(viewStart);
    const mid = Math.floor(count / 2);
    const midTime = story?.midRecordedAt ?? new Date(clock + mid * 60_000).toISOString();
    const midReportedAt = story?.midReportedAt;
    const probe = { store, readModel, queries, incidentId, mid, midTime, midReportedAt };
    const travel = await timeTravelProbe(probe);
    console.log(
      JSON.stringify({
        events: count,
        catchUpEventsPerSecond: Math.round(count / (catchUpMs / 1000)),
        catchUpCpuMs: Math.round((catchUpCpu.user + catchUpCpu.system) / 1000),
        ...memory,
        ...(withWriteCache.heapUsedMiB !== undefined && {
          heapUsedWithWriteCacheMiB: withWriteCache.heapUsedMiB,
        }),
        viewMs: Math.round(viewMs * 10) / 10,
        viewBytes: body.length,
        ...travel,
      }),
    );
  } finally {
    readModel.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const arg of process.argv.slice(2)) if (!arg.startsWith('--')) await profile(Number(arg));
