import { afterAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.js';
import { openEventStore } from '../../src/event-store/open-event-store.js';
import { EXIT, runMigrate } from '../../src/migrate/migrate-command.js';
import { describeWithPostgres, freshDatabase } from '../support/postgres-database.js';

async function wholeLog(store: EventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let after = '0'; ;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1].position;
  }
}

/** Each stream's events, everything but the position, which belongs to each store. */
function content(events: StoredEvent[]): Record<string, Omit<StoredEvent, 'position'>[]> {
  const streams: Record<string, Omit<StoredEvent, 'position'>[]> = {};
  for (const { position: _position, ...rest } of events) (streams[rest.streamId] ??= []).push(rest);
  return streams;
}

async function logOf(location: string): Promise<StoredEvent[]> {
  const store = await openEventStore(location);
  try {
    return await wholeLog(store);
  } finally {
    await store.close();
  }
}

const quiet = () => ({ isTTY: false, write: () => true });

describeWithPostgres('migrate between sqlite and postgres', (server) => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-migrate-pg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('sqlite -> postgres -> sqlite copies the log whole and verifies it', async () => {
    const source = `sqlite:${join(dir, 'source.db')}`;
    const store = await openEventStore(source);
    const streams = ['incident-a', 'incident-b', 'incident-c'];
    for (let i = 0; i < 120; i++) {
      await store.append(
        streams[i % 3],
        Array.from({ length: 1 + (i % 3) }, (_, k) => ({
          eventId: randomUUID(),
          type: 'StatementReported',
          data: { i, k, text: `« report ${i} » — ضربة`, figures: [{ min: i, max: null }] },
          metadata: {
            recordedAt: new Date(Date.UTC(2017, 4, 18, 16, 0, i)).toISOString(),
            recordedBy: 'rita',
            correlationId: randomUUID(),
            causationId: null,
            schemaVersion: 1,
          },
        })),
        { expectedRevision: 'any' },
      );
    }
    await store.close();
    const postgres = await freshDatabase(server, 'migrate');
    const back = `sqlite:${join(dir, 'back.db')}`;
    const io = { stdout: quiet(), stderr: quiet() };
    expect(await runMigrate(['--from', source, '--to', postgres], io)).toBe(EXIT.ok);
    expect(await runMigrate(['--from', postgres, '--to', back], io)).toBe(EXIT.ok);
    const original = await logOf(source);
    expect(original.length).toBeGreaterThan(200);
    expect(content(await logOf(postgres))).toEqual(content(original));
    expect(content(await logOf(back))).toEqual(content(original));
    // run again: nothing more is copied, and it still verifies
    expect(await runMigrate(['--from', source, '--to', postgres], io)).toBe(EXIT.ok);
    expect(await logOf(postgres)).toHaveLength(original.length);
  });
});
