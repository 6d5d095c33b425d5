/**
 * Run by postgres-ordering.e2e-spec.ts (bundled with esbuild), several at once: appends `count`
 * events to the PostgreSQL store at argv[2], `concurrency` appends in flight, to streams named
 * after argv[3], then prints how many it appended and exits.
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';

const [url, prefix, countArg, concurrencyArg] = process.argv.slice(2);
const store = PostgresEventStore.open(url);
const count = Number(countArg);
let next = 0;
let appended = 0;

async function lane(): Promise<void> {
  while (next < count) {
    const i = next++;
    const events = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      eventId: randomUUID(),
      type: 'OrderingTested',
      data: { i, k },
      metadata: {
        recordedAt: new Date().toISOString(),
        recordedBy: 'ordering-child',
        correlationId: randomUUID(),
        causationId: null,
        schemaVersion: 1,
      },
    }));
    await store.append(`${prefix}${i % 7}`, events, { expectedRevision: 'any' });
    appended += events.length;
  }
}

await Promise.all(Array.from({ length: Number(concurrencyArg) }, lane));
await store.close();
process.stdout.write(`${JSON.stringify({ appended })}\n`);
