import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { SystemClock } from '../../src/common/clock.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { requestHash } from '../../src/incidents/application/deterministic-ids.js';
import { ApplicationError } from '../../src/incidents/application/application-errors.js';
import { SqliteIdempotencyStore } from '../../src/incidents/idempotency/sqlite-idempotency-store.js';
import { IncidentCommands } from '../../src/incidents/application/incident-commands.service.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

const source = [{ name: 'Al-Masdar News', kind: 'outlet' as const }];
const reportedAt = '2017-05-18T19:05:00Z';

describe('Idempotency-Key under concurrency', () => {
  let booted: BootedApp;
  let store: EventStore;
  const http = () => request(booted.url);

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    for (const incidentId of ['north', 'south'])
      await http().post('/incidents').set(auth('reporter')).send({ incidentId, title: incidentId });
  });
  afterAll(() => booted.close());

  const statement = (incidentId: string, text: string, key: string) =>
    http()
      .post(`/incidents/${incidentId}/statements`)
      .set(auth('reporter'))
      .set('Idempotency-Key', key)
      .send({ text, attribution: source, reportedAt });

  test('one key, ten different bodies at once: one 201, nine 422, one event stored', async () => {
    const before = (await store.readStream('incident-north')).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => statement('north', `version ${i}`, 'race-1')),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(422)]);
    const won = answers.findIndex((res) => res.status === 201);
    const stored = await store.readStream('incident-north');
    expect(stored).toHaveLength(before + 1);
    expect((stored.at(-1)?.data as { text: string }).text).toBe(`version ${won}`);
    // a retry of the winner gets the first answer
    const retry = await statement('north', `version ${won}`, 'race-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(answers[won].body);
  });

  test('one key sent to two incidents at once appends to one of them only', async () => {
    const north = (await store.readStream('incident-north')).length;
    const south = (await store.readStream('incident-south')).length;
    const answers = await Promise.all([
      statement('north', 'same text', 'race-2'),
      statement('south', 'same text', 'race-2'),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([201, 422]);
    const grown =
      (await store.readStream('incident-north')).length -
      north +
      ((await store.readStream('incident-south')).length - south);
    expect(grown).toBe(1);
    const events = await http().get('/events?limit=1000').expect(200);
    const ids = (events.body.items as { eventId: string }[]).map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the same request ten times at once is stored once and answered the same', async () => {
    const before = (await store.readStream('incident-south')).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => statement('south', 'repeated', 'race-3')),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(10).fill(201));
    for (const res of answers) expect(res.body).toEqual(answers[0].body);
    expect(await store.readStream('incident-south')).toHaveLength(before + 1);
  });

  test('a refused keyed request frees its key; reservations never reach /events or the feed', async () => {
    await statement('nowhere', 'no such incident', 'race-4').expect(404);
    await statement('south', 'now it works', 'race-4').expect(201);
    const events = await http().get('/events?limit=1000').expect(200);
    expect(
      (events.body.items as { incidentId: string }[]).every(
        (e) => typeof e.incidentId === 'string',
      ),
    ).toBe(true);
    expect((events.body.items as { type: string }[]).map((e) => e.type)).not.toContain(
      'IdempotencyKeyReserved',
    );
  });
});

describe('Idempotency-Key across two instances on one store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-keys-'));
  let store: SqliteEventStore;
  let a: IncidentCommands;
  let b: IncidentCommands;
  const principal = { name: 'rita', role: 'reporter' as const };

  beforeAll(async () => {
    store = SqliteEventStore.open(path.join(dir, 'log.db'));
    const clock = new SystemClock();
    // each instance keeps its own answers file, as separate processes would
    a = new IncidentCommands(store, clock, new SqliteIdempotencyStore(path.join(dir, 'a.db')));
    b = new IncidentCommands(store, clock, new SqliteIdempotencyStore(path.join(dir, 'b.db')));
    await a.execute({
      command: { type: 'OpenIncident', incidentId: 'shared', title: 'Shared' },
      principal,
      correlationId: 'test',
    });
  });
  afterAll(async () => {
    a.onModuleDestroy();
    b.onModuleDestroy();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (on: IncidentCommands, text: string) => {
    const body = { text, attribution: source, reportedAt };
    return on.execute({
      command: { type: 'ReportStatement', incidentId: 'shared', claimId: 'c-1', ...body },
      principal,
      correlationId: 'test',
      idempotency: {
        key: 'k',
        requestHash: requestHash('POST', '/incidents/shared/statements', body),
      },
    });
  };

  test('different bodies on two instances: one stored, the other refused', async () => {
    const results = await Promise.allSettled([write(a, 'from a'), write(b, 'from b')]);
    const kept = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(kept).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatchObject({ code: 'idempotency_key_reused' });
    expect(refused[0].reason).toBeInstanceOf(ApplicationError);
    expect(await store.readStream('incident-shared')).toHaveLength(2);
    // the other instance, never having answered, refuses the other body and repeats the first
    const winner = results.indexOf(kept[0]) === 0 ? 'from a' : 'from b';
    const loserInstance = winner === 'from a' ? b : a;
    await expect(write(loserInstance, 'something else')).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    await expect(write(loserInstance, winner)).resolves.toEqual(
      (kept[0] as PromiseFulfilledResult<unknown>).value,
    );
    expect(await store.readStream('incident-shared')).toHaveLength(2);
  });
});
