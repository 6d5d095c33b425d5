import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { Logger, type LoggerService } from '@nestjs/common';
import type {
  AppendOptions,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { streamIdOf } from '../../src/incidents/domain/events.js';
import { ProjectionRunner } from '../../src/incidents/projections/projection-runner.js';
import { ProjectionWriter } from '../../src/incidents/projections/projection-writer.js';
import { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { ReadModelQueries } from '../../src/incidents/projections/read-model-queries.js';
import { toNewEvent } from './seed.js';
import { opened, statement } from '../support/incident-events.js';

/** The real SQLite store, which the test can take down (close) and bring back (reopen). */
class RestartableStore implements EventStore {
  readonly kind = 'sqlite';
  private inner: SqliteEventStore;
  constructor(private readonly file: string) {
    this.inner = SqliteEventStore.open(file);
  }
  down(): Promise<void> {
    return this.inner.close();
  }
  up(): void {
    this.inner = SqliteEventStore.open(this.file);
  }
  append(streamId: string, events: readonly NewEvent[], options: AppendOptions) {
    return this.inner.append(streamId, events, options);
  }
  readStream(streamId: string, options?: ReadStreamOptions) {
    return this.inner.readStream(streamId, options);
  }
  readAll(options?: ReadAllOptions) {
    return this.inner.readAll(options);
  }
  subscribe(options: SubscribeOptions) {
    return this.inner.subscribe(options);
  }
  head() {
    return this.inner.head();
  }
  close() {
    return this.inner.close();
  }
}

/** Collects warnings, and lets a test await the n-th one that matches. */
class WatchingLogger implements LoggerService {
  private readonly warnings: string[] = [];
  private readonly watchers: { pattern: RegExp; count: number; resolve: () => void }[] = [];
  log(): void {}
  error(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
    for (const watcher of this.watchers) {
      if (this.warnings.filter((w) => watcher.pattern.test(w)).length >= watcher.count)
        watcher.resolve();
    }
  }
  seen(pattern: RegExp, count: number): Promise<void> {
    return new Promise((resolve) => this.watchers.push({ pattern, count, resolve }));
  }
}

describe('the runner when the store goes down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('logs, retries with backoff, and resumes from its checkpoint when the store is back', async () => {
    const logger = new WatchingLogger();
    Logger.overrideLogger(logger);
    const file = join(dir, 'storyline.db');
    const store = new RestartableStore(file);
    const readModel = ReadModelDatabase.open(file);
    const runner = new ProjectionRunner(store, readModel, new ProjectionWriter(readModel));
    const queries = new ReadModelQueries(readModel);
    const now = new Date().toISOString();
    try {
      runner.onApplicationBootstrap();
      const first = await store.append(
        streamIdOf('outage'),
        [opened('outage'), statement('before', now)].map((e) => toNewEvent(e, now, 'test')),
        { expectedRevision: 'no_stream' },
      );
      expect(await runner.waitFor(first.position, 5000)).toBe(true);

      const retried = logger.seen(/subscribing again/, 3);
      await store.down();
      await retried;
      expect(runner.position()).toBe(first.position);

      store.up();
      const second = await store.append(
        streamIdOf('outage'),
        [toNewEvent(statement('after', now), now, 'test')],
        { expectedRevision: 1 },
      );
      expect(await runner.waitFor(second.position, 10_000)).toBe(true);
      expect(queries.view('outage')?.claims.map((claim) => claim.claimId)).toEqual([
        'before',
        'after',
      ]);
      expect(
        queries
          .timeline('outage', { by: 'recorded', order: 'asc', limit: 10 })
          .map((row) => row.entry.revision),
      ).toEqual([0, 1, 2]);
    } finally {
      await runner.onModuleDestroy();
      await store.close();
      readModel.close();
    }
  });
});
