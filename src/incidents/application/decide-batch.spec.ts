import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SystemClock } from '../../common/clock.js';
import { ApplicationError } from './application-errors.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import type { Command } from '../domain/commands.js';
import { DomainError } from '../domain/errors.js';
import { DecideBatches } from './decide-batch.js';
import { IncidentStateCache } from './incident-state-cache.js';
import type { WriteRequest } from './write-request.js';
import type { WriteResult } from './write-result.js';

const INCIDENT = 'batch-incident';
const principal = { name: 'desk', role: 'reporter' as const };

function write(command: Command, extra: Partial<WriteRequest> = {}): WriteRequest {
  return { command, principal, correlationId: 'test', ...extra };
}

function statement(claimId: string): Command {
  return {
    type: 'ReportStatement',
    incidentId: INCIDENT,
    claimId,
    text: `Statement ${claimId}`,
    attribution: [{ name: 'Reuters', kind: 'wire' }],
    reportedAt: '2017-05-18T19:05:00Z',
  };
}

function refusalCode(error: unknown): string | undefined {
  return error instanceof ApplicationError ? error.code : undefined;
}

describe('DecideBatches (on a real SQLite store)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let batches: DecideBatches;
  const newBatches = () =>
    new DecideBatches(store, new IncidentStateCache(store), new SystemClock());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-batch-'));
    store = SqliteEventStore.open(join(dir, 'events.db'));
    batches = newBatches();
    await batches.submit(write({ type: 'OpenIncident', incidentId: INCIDENT, title: 'Batch' }));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('concurrent writes to one incident share one commit, each with its own result', async () => {
    const before = store.stats();
    const claims = Array.from({ length: 10 }, (_, i) => `claim-${i}`);
    const results = await Promise.all(claims.map((id) => batches.submit(write(statement(id)))));
    expect(store.stats().commits - before.commits).toBe(1);
    expect(results.map((r) => r.claimId)).toEqual(claims);
    expect(results.map((r) => r.revision)).toEqual(claims.map((_, i) => i + 1));
    const stream = await store.readStream(`incident-${INCIDENT}`);
    for (const result of results) {
      const stored = stream.find((event) => event.eventId === result.eventId);
      expect(stored).toMatchObject({ revision: result.revision, position: result.position });
      expect(stored?.data).toMatchObject({ claimId: result.claimId });
    }
  });

  test('what queues while a batch commits waits a turn for the writes its answers let in', async () => {
    const before = store.stats();
    let third: Promise<WriteResult> | undefined;
    const first = batches.submit(write(statement('first'))).then((result) => {
      // its writer writes again once answered: that request arrives in a later turn of the loop
      setImmediate(() => {
        third = batches.submit(write(statement('third')));
      });
      return result;
    });
    await nextTurn(); // the first batch is decided and being appended
    const second = batches.submit(write(statement('second')));
    const results = [await first, await second, await third];
    expect(store.stats().commits - before.commits).toBe(2);
    expect(results.map((r) => r?.revision)).toEqual([1, 2, 3]);
  });

  test('each command sees the ones before it; a refused one does not refuse the others', async () => {
    const outcomes = await Promise.allSettled([
      batches.submit(write(statement('first'))),
      // disputes a claim decided earlier in the same batch: allowed
      batches.submit(
        write({
          type: 'DisputeClaim',
          incidentId: INCIDENT,
          claimId: 'first',
          disputedByClaimId: 'second',
        }),
      ),
      batches.submit(write(statement('second'))),
      // the same claim id again: refused, alone
      batches.submit(write(statement('first'))),
      batches.submit(write(statement('third'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const reasons = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(reasons.map((e) => (e instanceof DomainError ? e.code : e))).toEqual([
      'claim_not_found', // `second` is decided after the dispute
      'claim_exists',
    ]);
    const revisions = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.revision] : []));
    expect(revisions).toEqual([1, 2, 3]);
    expect(await store.readStream(`incident-${INCIDENT}`)).toHaveLength(4);
  });

  test('If-Match is checked against the revision the commands before it leave', async () => {
    const outcomes = await Promise.allSettled([
      batches.submit(write(statement('a'), { ifMatch: 0 })),
      batches.submit(write(statement('b'), { ifMatch: 0 })),
      batches.submit(write(statement('c'), { ifMatch: 1 })),
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
    expect(outcomes[1].status).toBe('rejected');
    const refused = (outcomes[1] as PromiseRejectedResult).reason as ApplicationError;
    expect(refusalCode(refused)).toBe('revision_mismatch');
    expect(refused.currentRevision).toBe(1);
    expect(outcomes[2]).toMatchObject({ status: 'fulfilled', value: { revision: 2 } });
  });

  test('a batch that loses the race to another writer is decided again on the new events', async () => {
    // another instance with its own cache, writing to the same stream at the same moment
    const other = newBatches();
    const before = store.stats();
    const [theirs, ...ours] = await Promise.allSettled([
      other.submit(write(statement('theirs'))),
      batches.submit(write(statement('ours-1'))),
      batches.submit(write(statement('ours-2'), { ifMatch: 0 })),
      batches.submit(write(statement('ours-3'))),
    ]);
    // three appends: theirs, ours refused (wrong expected revision), ours again
    expect(store.stats().appends - before.appends).toBe(3);
    expect(theirs).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
    expect(ours[0]).toMatchObject({ status: 'fulfilled', value: { revision: 2 } });
    expect(refusalCode((ours[1] as PromiseRejectedResult).reason)).toBe('revision_mismatch');
    expect(ours[2]).toMatchObject({ status: 'fulfilled', value: { revision: 3 } });
    const claims = (await store.readStream(`incident-${INCIDENT}`)).map(
      (event) => (event.data as { claimId?: string }).claimId,
    );
    expect(claims).toEqual([undefined, 'theirs', 'ours-1', 'ours-3']);
  });

  test('two requests with one Idempotency-Key in one batch append once, both get the result', async () => {
    const keyed = () =>
      write(statement('keyed'), { idempotency: { key: 'key-1', requestHash: 'hash' } });
    const [a, b] = await Promise.all([batches.submit(keyed()), batches.submit(keyed())]);
    expect(b).toEqual(a);
    expect(await store.readStream(`incident-${INCIDENT}`)).toHaveLength(2);
  });
});
