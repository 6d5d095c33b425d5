import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.js';
import { openEventStore } from '../../src/event-store/open-event-store.js';
import { describeWithPostgres, freshDatabase } from '../support/postgres-database.js';
import { expectAscending, ids, newEvent, readAllAfter, take } from './conformance-kit.js';

const ROUNDS = 4;
const PROCESSES = 3;
const APPENDS_PER_PROCESS = 300;

/**
 * The in-flight sequence trap, tested for real: several PROCESSES append concurrently (each
 * with many appends in flight) while subscribers in this process read the log live. Every
 * round, each subscriber must deliver exactly the log, in order: nothing skipped while a
 * lower position was still being committed, nothing twice.
 */
describeWithPostgres(
  'PostgreSQL: concurrent appenders in several processes, live subscribers',
  (server) => {
    let url: string;
    let store: EventStore;
    let child: string;

    beforeAll(async () => {
      url = await freshDatabase(server, 'ordering');
      store = await openEventStore(url);
      const dir = path.join(process.cwd(), 'node_modules', '.cache', 'storyline');
      fs.mkdirSync(dir, { recursive: true });
      child = path.join(dir, `postgres-append-child-${randomUUID()}.mjs`);
      await build({
        entryPoints: [path.join(process.cwd(), 'test', 'event-store', 'postgres-append-child.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        outfile: child,
        logLevel: 'silent',
      });
    });

    afterAll(async () => {
      await store?.close();
      fs.rmSync(child, { force: true });
    });

    test.each(Array.from({ length: ROUNDS }, (_, round) => round + 1))(
      'round %i: every subscriber delivers exactly the log, in order',
      async () => {
        const prefix = `incident-order-${randomUUID()}-`;
        const before = await store.head();
        const byPrefix = store.subscribe({ after: before, streamPrefix: prefix });
        const whole = store.subscribe({ after: before });
        try {
          const appenders = Array.from({ length: PROCESSES }, (_, p) =>
            promisify(execFile)(process.execPath, [
              child,
              url,
              `${prefix}${p}-`,
              String(APPENDS_PER_PROCESS),
              '16',
            ]),
          );
          // the subscribers read while the appenders write
          const total = (APPENDS_PER_PROCESS / 3) * 6 * PROCESSES;
          const [received, all] = await Promise.all([
            take(byPrefix, total, 60_000),
            take(whole, total, 60_000),
            Promise.all(appenders),
          ]);
          const ours = (event: StoredEvent) => event.streamId.startsWith(prefix);
          const log = await readAllAfter(store, before, ours);
          expect(log).toHaveLength(total);
          expect(ids(received)).toEqual(ids(log));
          // the database is this test's own: the whole log is ours too
          expect(ids(all)).toEqual(ids(log));
          expectAscending(received);
          expectAscending(all);
          // nothing was left behind: the next event each one yields is a sentinel appended now
          const sentinel = newEvent({ sentinel: true });
          await store.append(`${prefix}sentinel`, [sentinel], { expectedRevision: 'no_stream' });
          expect(ids(await take(byPrefix, 1))).toEqual([sentinel.eventId]);
          const rest = [...all];
          while (rest.at(-1)?.eventId !== sentinel.eventId) rest.push(...(await take(whole, 1)));
          expect(ids(rest.filter(ours))).toEqual([...ids(log), sentinel.eventId]);
        } finally {
          await byPrefix.close();
          await whole.close();
        }
      },
      120_000,
    );
  },
);
