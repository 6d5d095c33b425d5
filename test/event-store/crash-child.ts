/**
 * Run by sqlite.e2e-spec.ts (bundled with esbuild) and killed with SIGKILL while it appends:
 * prints one JSON line per acknowledged append, the moment the append's promise resolves.
 */
import { randomUUID } from 'node:crypto';
import type { ExpectedRevision, NewEvent } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

const store = SqliteEventStore.open(process.argv[2]);

function event(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'CrashTested',
    data: { i, padding: 'x'.repeat(200) },
    metadata: {
      recordedAt: new Date().toISOString(),
      recordedBy: 'crash-child',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

async function writer(stream: string, exact: boolean): Promise<never> {
  let expected: ExpectedRevision = exact ? 'no_stream' : 'any';
  for (let i = 0; ; i++) {
    const events = Array.from({ length: 1 + (i % 3) }, (_, k) => event(k));
    const result = await store.append(stream, events, { expectedRevision: expected });
    if (exact) expected = result.revision;
    const line = { stream, eventIds: events.map((e) => e.eventId), ...result };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

const run = randomUUID();
const writers = [
  ...Array.from({ length: 16 }, (_, w) => writer(`incident-crash-${run}-${w}`, true)),
  ...Array.from({ length: 8 }, (_, w) => writer(`incident-crash-${run}-shared-${w % 2}`, false)),
];
await Promise.all(writers);
