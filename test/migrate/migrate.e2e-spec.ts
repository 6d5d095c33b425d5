import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, NewEvent, StoredEvent } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { EXIT, runMigrate } from '../../src/migrate/migrate-command.js';
import { migrateLog, type MigrationProgress } from '../../src/migrate/migrate-log.js';

const STREAMS = [
  'incident-tanf',
  'incident-raqqa',
  'incident-deir',
  'incident-idlib',
  'incident-homs',
];

function event(stream: string, i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: i % 3 === 0 ? 'StatementReported' : 'CasualtyFiguresReported',
    data: {
      claimId: `${stream}-c${i}`,
      text: `« report ${i} » — ضربة near At Tanf`,
      figures: [
        { measure: 'killed', group: 'pro-government militia', min: i, max: i % 2 ? null : i + 2 },
      ],
    },
    metadata: {
      recordedAt: new Date(Date.UTC(2017, 4, 18, 16, 0, i)).toISOString(),
      recordedBy: i % 2 ? 'rita' : 'eddie',
      correlationId: randomUUID(),
      causationId: i % 4 ? null : randomUUID(),
      schemaVersion: 1,
    },
  };
}

/** A log of 5 interleaved streams, appended in batches of 1 to 4 events: 400 events. */
async function writeLog(store: EventStore): Promise<void> {
  const revisions = new Map<string, number>();
  for (let i = 0, n = 0; n < 400; i++) {
    const stream = STREAMS[(i * 7) % STREAMS.length];
    const size = Math.min(1 + (i % 4), 400 - n);
    const events = Array.from({ length: size }, (_, k) => event(stream, n + k));
    const last = revisions.get(stream) ?? -1;
    const result = await store.append(stream, events, {
      expectedRevision: last === -1 ? 'no_stream' : last,
    });
    revisions.set(stream, result.revision);
    n += size;
  }
}

async function wholeLog(store: EventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let after = '0'; ;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1].position;
  }
}

/** What a copy must preserve: everything but the position, which belongs to each store. */
const content = (events: StoredEvent[]) =>
  events.map(({ streamId, revision, eventId, type, data, metadata }) => ({
    streamId,
    revision,
    eventId,
    type,
    data,
    metadata,
  }));

/** Collects what the command writes, as a log file or CI would (not a terminal). */
function sink() {
  const text: string[] = [];
  return { isTTY: false, write: (chunk: string) => text.push(chunk), text: () => text.join('') };
}

describe('migrate SQLite → SQLite', () => {
  let dir: string;
  let source: SqliteEventStore;
  let sourceLog: StoredEvent[];
  const open: SqliteEventStore[] = [];
  const target = (name = 'target.db') => {
    const store = SqliteEventStore.open(join(dir, name));
    open.push(store);
    return store;
  };

  /** Every target stream is a prefix of its source stream; returns how many events it holds. */
  const copiedPrefixes = async (to: EventStore) => {
    let total = 0;
    for (const stream of STREAMS) {
      const copy = content(await to.readStream(stream));
      expect(copy).toEqual(content(await source.readStream(stream)).slice(0, copy.length));
      total += copy.length;
    }
    expect((await wholeLog(to)).length).toBe(total);
    return total;
  };
  /** Every target stream equals its source stream; returns the number of events. */
  const sameStreams = async (to: EventStore) => {
    const total = await copiedPrefixes(to);
    expect(total).toBe(sourceLog.length);
    return total;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-'));
    source = target('source.db');
    await writeLog(source);
    sourceLog = await wholeLog(source);
  });

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('copies every stream exactly and verifies each one', async () => {
    const to = target();
    const progress: MigrationProgress[] = [];
    const report = await migrateLog(source, to, {
      onProgress: (p) => progress.push(p),
      pageSize: 64,
    });
    expect(report).toMatchObject({
      complete: true,
      processed: 400,
      copied: 400,
      skipped: 0,
      streams: 5,
    });
    expect(report.mismatches).toEqual([]);
    expect(report.checks.map((check) => check.streamId).sort()).toEqual([...STREAMS].sort());
    expect(await sameStreams(to)).toBe(400);
    for (const stream of STREAMS) {
      expect(content(await to.readStream(stream))).toEqual(
        content(await source.readStream(stream)),
      );
    }
    expect(progress.at(-1)).toMatchObject({ processed: 400, fraction: 1 });
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  test('an interrupted run, resumed, gives an exact copy with no duplicate', async () => {
    const to = target();
    const first = await migrateLog(source, to, { maxEvents: 137, pageSize: 50 });
    expect(first).toMatchObject({ complete: false, copied: 137, checks: [] });
    // what was copied is, stream by stream, the start of each source stream
    expect(await copiedPrefixes(to)).toBe(137);

    const interrupt = new AbortController();
    const second = await migrateLog(source, to, {
      signal: interrupt.signal,
      onProgress: (p) => p.copied >= 100 && interrupt.abort(),
    });
    expect(second.complete).toBe(false);
    expect(second.copied).toBeGreaterThanOrEqual(100);
    expect(await copiedPrefixes(to)).toBe(137 + second.copied);

    const third = await migrateLog(source, to);
    expect(third.complete).toBe(true);
    expect(third.mismatches).toEqual([]);
    expect(first.copied + second.copied + third.copied).toBe(400);
    expect(third.skipped).toBe(first.copied + second.copied);
    const copy = await wholeLog(to);
    expect(new Set(copy.map((e) => e.eventId)).size).toBe(400);
    expect(await sameStreams(to)).toBe(400);
  });

  test('a target that holds something else is reported stream by stream', async () => {
    const to = target();
    await to.append('incident-tanf', [event('incident-tanf', 999)], {
      expectedRevision: 'no_stream',
    });
    const report = await migrateLog(source, to);
    expect(report.complete).toBe(true);
    expect(report.mismatches.map((check) => check.streamId)).toEqual(['incident-tanf']);
    const [mismatch] = report.mismatches;
    expect(mismatch.source.count).toBe(mismatch.target.count);
    expect(mismatch.source.sha256).not.toBe(mismatch.target.sha256);
  });

  test('the command: progress with events/s and ETA on stderr, exit codes for each outcome', async () => {
    await source.close();
    const from = `sqlite:${join(dir, 'source.db')}`;
    const to = `sqlite:${join(dir, 'cli-target.db')}`;

    const stopped = { stdout: sink(), stderr: sink() };
    expect(await runMigrate(['--from', from, '--to', to, '--max-events', '50'], stopped)).toBe(
      EXIT.incomplete,
    );
    expect(stopped.stderr.text()).toMatch(/run the same command again to resume/);

    const done = { stdout: sink(), stderr: sink() };
    expect(await runMigrate([`--from=${from}`, `--to=${to}`], done)).toBe(EXIT.ok);
    expect(done.stderr.text()).toMatch(
      /100\.0% 400 events \(350 copied, 50 already there\) \d+ events\/s ETA 0:00\n/,
    );
    expect(done.stderr.text()).not.toMatch(/\r/);
    expect(done.stdout.text()).toMatch(/verified 5 streams, 400 events .*checksums match/);

    const tampered = `sqlite:${join(dir, 'tampered.db')}`;
    const other = target('tampered.db');
    await other.append('incident-homs', [event('incident-homs', 5)], {
      expectedRevision: 'no_stream',
    });
    await other.close();
    const mismatch = { stdout: sink(), stderr: sink() };
    expect(await runMigrate(['--from', from, '--to', tampered], mismatch)).toBe(EXIT.mismatch);
    expect(mismatch.stderr.text()).toMatch(/MISMATCH incident-homs/);

    const usage = { stdout: sink(), stderr: sink() };
    expect(await runMigrate(['--from', from], usage)).toBe(EXIT.usage);
    expect(await runMigrate(['--from', join(dir, 'nope.db'), '--to', to], usage)).toBe(EXIT.usage);
    expect(await runMigrate(['--from', `sqlite:${join(dir, 'nope.db')}`, '--to', to], usage)).toBe(
      EXIT.usage,
    );
    expect(usage.stderr.text()).toMatch(/--from and --to are required/);
    expect(usage.stderr.text()).toMatch(/no such file/);
  });
});
