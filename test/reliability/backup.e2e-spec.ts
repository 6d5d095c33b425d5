import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { backupStore, type BackupProgress } from '../../src/backup/backup-store.js';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { digestEvents, readWholeStream } from '../../src/migrate/stream-checksum.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

const source = [{ name: 'Reuters', kind: 'wire' }];

async function allEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position ?? '0', limit: 1000 });
    events.push(...page);
    if (page.length < 1000) return events;
  }
}

describe('npm run backup: an online, consistent copy of the embedded store', () => {
  let booted: BootedApp;
  const restoreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-restore-'));
  beforeAll(async () => {
    booted = await bootApp();
    await request(booted.url)
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: 'copied', title: 'Copied' })
      .expect(201);
  });
  afterAll(async () => {
    await booted.close();
    fs.rmSync(restoreDir, { recursive: true, force: true });
  });

  test('taken while the service writes, restored into a fresh data directory it holds the same log', async () => {
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing || n < 50) {
        await request(booted.url)
          .post('/incidents/copied/statements')
          .set(auth('reporter'))
          .set('Idempotency-Key', `backup-${n}`)
          .send({ text: `update ${n}`, attribution: source, reportedAt: '2017-05-18T19:05:00Z' })
          .expect(201);
        n += 1;
      }
      return n;
    })();
    const file = path.join(restoreDir, 'storyline.db');
    const progress: BackupProgress[] = [];
    const storeFile = booted.config.store.slice('sqlite:'.length);
    const result = await backupStore(storeFile, file, (step) => progress.push(step));
    writing = false;
    const written = await writer;
    expect(progress.length).toBeGreaterThan(0);
    expect(result.remainingPages).toBe(0);
    expect(progress[0].totalPages).toBeGreaterThan(0);
    await expect(backupStore(storeFile, file)).rejects.toThrow(/exists/);

    // the copy is a consistent prefix of the live log: every stream it holds, event for event
    const copy = SqliteEventStore.open(file);
    const original = SqliteEventStore.open(storeFile);
    try {
      const copied = await allEvents(copy);
      const streams = new Set(copied.map((e) => e.streamId));
      for (const streamId of streams) {
        const mine = await readWholeStream(copy, streamId);
        const theirs = (await readWholeStream(original, streamId)).slice(0, mine.length);
        expect(digestEvents(mine)).toEqual(digestEvents(theirs));
      }
      expect(copied.length).toBeGreaterThan(1);
      expect(copied.length).toBeLessThanOrEqual((await allEvents(original)).length);
    } finally {
      await copy.close();
      await original.close();
    }

    // a service started on the restored file serves the same incident events
    const restored = await bootApp({ dir: restoreDir });
    try {
      const copyStore = SqliteEventStore.open(file);
      const expected = (await allEvents(copyStore)).filter((e) =>
        e.streamId.startsWith('incident-'),
      );
      await copyStore.close();
      const events = await request(restored.url).get('/events?limit=1000').expect(200);
      expect((events.body.items as { eventId: string }[]).map((e) => e.eventId)).toEqual(
        expected.map((e) => e.eventId),
      );
      const view = await request(restored.url).get('/incidents/copied').expect(200);
      expect((view.body as { revision: number }).revision).toBe(expected.length - 1);
    } finally {
      await restored.stop();
    }
    expect(written).toBeGreaterThanOrEqual(50);
  });
});
