/**
 * Run by crash.e2e-spec.ts (bundled with esbuild) and killed with SIGKILL while it projects:
 * appends incident events and runs the real ProjectionRunner on the same file, printing one JSON
 * line each time the runner has applied an append. With `inline` the read model shares the
 * store's connection (as the service does on its own file), so each append commits its rows.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { ProjectionRunner } from '../../src/incidents/projections/projection-runner.js';
import { ProjectionWriter } from '../../src/incidents/projections/projection-writer.js';
import { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { toNewEvent } from './seed.js';
import { casualties, opened, revised, statement } from '../support/incident-events.js';

Logger.overrideLogger(false);
const file = process.argv[2];
const store = SqliteEventStore.open(file);
const readModel =
  process.argv[3] === 'inline'
    ? ReadModelDatabase.shared(store.connection())
    : ReadModelDatabase.open(file);
const runner = new ProjectionRunner(store, readModel, new ProjectionWriter(readModel));
runner.onApplicationBootstrap();

async function writer(incidentId: string): Promise<never> {
  const now = () => new Date().toISOString();
  let expected: number | 'no_stream' = 'no_stream';
  for (let i = 0; ; i++) {
    const events =
      i === 0
        ? [opened(incidentId)]
        : i % 3 === 0
          ? [revised(`c-${i - 1}`, [i, i + 1], now())]
          : i % 3 === 1
            ? [statement(`s-${i}`, now()), statement(`t-${i}`, now())]
            : [casualties(`c-${i}`, [i, null], now())];
    const result = await store.append(
      `incident-${incidentId}`,
      events.map((event) => toNewEvent(event, now(), 'crash-child')),
      { expectedRevision: expected },
    );
    expected = result.revision;
    await runner.waitFor(result.position, 10_000);
    process.stdout.write(`${JSON.stringify({ incidentId, position: runner.position() })}\n`);
  }
}

await Promise.all(Array.from({ length: 8 }, (_, w) => writer(`crash-${w}`)));
