import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, test } from '@jest/globals';
import { build } from 'esbuild';
import request from 'supertest';
import { comparePositions } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { claimIdOfEvent, incidentIdOf } from '../../src/incidents/domain/events.js';
import { toRecordedEvent } from '../../src/incidents/domain/recorded.js';
import type { IncidentView } from '../../src/incidents/domain/view-types.js';
import { ProjectionRunner } from '../../src/incidents/projections/projection-runner.js';
import { ReadModelDatabase } from '../../src/incidents/projections/read-model-database.js';
import { generationTables } from '../../src/incidents/projections/read-model-schema.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { foldedView } from './seed.js';

/** Bundles the child inside the project, so its package imports resolve from node_modules. */
async function bundleChild(): Promise<string> {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'storyline');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `projection-crash-child-${randomUUID()}.mjs`);
  await build({
    entryPoints: [join(process.cwd(), 'test', 'projections', 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

async function runAndKill(
  bundle: string,
  args: string[],
  killAfter: number,
): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [bundle, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolve(signal));
  });
  let lines = 0;
  for await (const _line of createInterface({ input: child.stdout })) {
    lines += 1;
    if (lines === killAfter) child.kill('SIGKILL');
  }
  return exited;
}

describe.each([
  ['on its own connection', 'separate'],
  ['inline, on the store connection', 'inline'],
])('a projection process killed mid-batch (%s)', (_name, mode) => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-'));
  let booted: BootedApp | undefined;
  afterAll(async () => {
    await booted?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('leaves rows that match its checkpoint, and the next start completes them exactly once', async () => {
    const file = join(dir, 'storyline.db');
    const bundle = await bundleChild();
    try {
      expect(await runAndKill(bundle, [file, mode], 400)).toBe('SIGKILL');
    } finally {
      rmSync(bundle, { force: true });
    }

    // what the killed process committed: rows for exactly the events up to its checkpoint
    const store = SqliteEventStore.open(file);
    const readModel = ReadModelDatabase.open(file);
    const stored = (await store.readAll({ after: '0', limit: 1_000_000 })).filter(
      (event) => incidentIdOf(event.streamId) !== null,
    );
    const checkpoint = readModel.checkpoint();
    expect(comparePositions(checkpoint, '0')).toBeGreaterThan(0);
    const applied = stored.filter((event) => comparePositions(event.position, checkpoint) <= 0);
    // inline, the rows commit with the appends: every event in the log is applied
    if (mode === 'inline') expect(checkpoint).toBe(stored.at(-1)?.position);
    const t = generationTables(readModel.generation());
    const count = (table: string) =>
      (readModel.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count(t.timeline)).toBe(applied.length);
    expect(count(t.claimVersions)).toBe(
      applied.filter((event) => claimIdOfEvent(toRecordedEvent(event)) !== undefined).length,
    );
    const revisions = readModel.db
      .prepare(`SELECT incident_id AS id, revision FROM ${t.incidents}`)
      .all() as { id: string; revision: number }[];
    for (const { id, revision } of revisions) {
      const last = applied.filter((event) => event.streamId === `incident-${id}`).at(-1);
      expect(revision).toBe(last?.revision);
    }
    readModel.close();
    const head = await store.head();
    await store.close();

    // the next start resumes from the checkpoint and ends where folding the log ends
    booted = await bootApp({ dir });
    expect(await booted.app.get(ProjectionRunner).waitFor(head, 20_000)).toBe(true);
    const ids = [...new Set(stored.map((event) => incidentIdOf(event.streamId) ?? ''))];
    expect(ids).toHaveLength(8);
    for (const id of ids) {
      const view = (await request(booted.url).get(`/incidents/${id}`).expect(200))
        .body as IncidentView;
      expect(view).toEqual(await foldedView(booted.app, id));
      const timeline = (
        await request(booted.url).get(`/incidents/${id}/timeline?limit=1000`).expect(200)
      ).body as { items: { revision: number }[] };
      expect(timeline.items.map((entry) => entry.revision)).toEqual(
        Array.from({ length: view.revision + 1 }, (_, i) => i),
      );
      for (const claim of view.claims) {
        const history = (
          await request(booted.url)
            .get(`/incidents/${id}/claims/${claim.claimId}/history`)
            .expect(200)
        ).body as { versions: unknown[] };
        expect(history.versions).toHaveLength(claim.versions);
      }
    }
  });
});
