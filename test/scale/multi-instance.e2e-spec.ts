import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { connectFeed, Received, subscribe } from '../feed/feed-test-client.js';
import { openIncident, reportStatement, type WriteResult } from '../feed/feed-writes.js';
import { auth } from '../support/boot.js';
import { freshDatabase, postgresSkipReason, testPostgres } from '../support/postgres-database.js';
import { Instances } from './instances.js';

/**
 * Three storyline processes (real processes, not three apps in one) on one shared store, each
 * with its own read model: the store is the bus. The same tests run against PostgreSQL (the
 * throwaway cluster of the Jest globalSetup, or STORYLINE_TEST_POSTGRES) and, when
 * STORYLINE_TEST_KURRENTDB names a server, against KurrentDB. Without a server, a target skips
 * and says why.
 */
const targets: { name: string; store?: () => Promise<string>; reason: string }[] = [
  {
    name: 'PostgreSQL',
    store: testPostgres ? () => freshDatabase(testPostgres ?? '', 'scale') : undefined,
    reason: postgresSkipReason,
  },
  {
    name: 'KurrentDB',
    store: process.env.STORYLINE_TEST_KURRENTDB
      ? () => Promise.resolve(process.env.STORYLINE_TEST_KURRENTDB as string)
      : undefined,
    reason: 'STORYLINE_TEST_KURRENTDB is not set (no KurrentDB server on this machine)',
  },
];

/** Bound on write → feed delivery across instances: the same as the single-instance tests use. */
const DELIVERY_MS = 5_000;

const statement = (text: string) => ({
  text,
  attribution: [{ name: 'Reuters', kind: 'wire' }],
  reportedAt: '2017-05-18T19:05:00Z',
});

for (const target of targets) {
  const title = `three storyline processes on one ${target.name}`;
  if (!target.store) {
    const reason = `multi-instance test skipped: ${target.reason}`;
    console.warn(reason);
    describe(title, () => test.skip(reason, () => undefined));
    continue;
  }
  const openStore = target.store;

  describe(title, () => {
    let instances: Instances;
    const url = (i: number) => instances.urls[i];
    const feed = async (i: number, incidentId: string, after = '0') => {
      const socket = instances.track(await connectFeed(url(i)));
      const received = new Received(socket);
      expect(await subscribe(socket, { incidentId, after })).toMatchObject({ ok: true });
      return { socket, received };
    };

    beforeAll(async () => {
      instances = new Instances(await openStore());
      await instances.start(3);
    }, 120_000);

    afterAll(() => instances.stop());

    test.each([0, 1, 2])(
      'a write through instance %i reaches feed clients of every other instance',
      async (writer) => {
        const incidentId = `scale-${randomUUID()}`;
        const readers = [0, 1, 2].filter((i) => i !== writer);
        const opened = await openIncident(url(writer), incidentId);
        // the incident is known once the reader's read model has it: the feed refuses others
        const feeds = await Promise.all(readers.map((i) => feed(i, incidentId)));
        const reported = await reportStatement(url(writer), incidentId, `via ${writer}`);
        for (const { received } of feeds) {
          await received.untilPosition(reported.position, DELIVERY_MS);
          expect(received.positions(incidentId)).toEqual([opened.position, reported.position]);
        }
      },
    );

    test('a feed client that reconnects to another instance resumes with no gap or duplicate', async () => {
      const incidentId = `scale-${randomUUID()}`;
      const written: WriteResult[] = [await openIncident(url(1), incidentId)];
      const first = await feed(0, incidentId);
      for (let i = 0; i < 5; i++) written.push(await reportStatement(url(1), incidentId, `s${i}`));
      await first.received.untilPosition(written[5].position, DELIVERY_MS);
      first.socket.disconnect();
      const last = first.received.positions(incidentId).at(-1) as string;
      // written while the client was away, through yet another instance
      for (let i = 5; i < 10; i++) written.push(await reportStatement(url(2), incidentId, `s${i}`));
      const second = await feed(2, incidentId, last);
      written.push(await reportStatement(url(0), incidentId, 'live again'));
      await second.received.untilPosition(written[11].position, DELIVERY_MS);
      const seen = [
        ...first.received.positions(incidentId),
        ...second.received.positions(incidentId),
      ];
      expect(seen).toEqual(written.map((w) => w.position));
    });

    test('an Idempotency-Key retried against another instance gets the first answer; another body is 422 there too', async () => {
      const incidentId = `scale-${randomUUID()}`;
      await openIncident(url(0), incidentId);
      const key = `retry-${randomUUID()}`;
      const send = (i: number, text: string) =>
        request(url(i))
          .post(`/incidents/${incidentId}/statements`)
          .set(auth('reporter'))
          .set('Idempotency-Key', key)
          .send(statement(text));
      const original = await send(0, 'first');
      expect(original.status).toBe(201);
      const retried = await send(1, 'first');
      expect(retried.status).toBe(201);
      expect(retried.body).toEqual(original.body);
      const reused = await send(2, 'another body');
      expect(reused.status).toBe(422);
      const timeline = await request(url(2)).get(`/incidents/${incidentId}/timeline`);
      expect(timeline.status).toBe(200);
      expect(JSON.stringify(timeline.body)).not.toContain('another body');
    });

    test('If-Match races between instances have exactly one winner', async () => {
      const incidentId = `scale-${randomUUID()}`;
      const opened = await openIncident(url(0), incidentId);
      for (let round = 0; round < 3; round++) {
        const revision = opened.revision + round;
        const outcomes = await Promise.all(
          Array.from({ length: 9 }, (_, i) =>
            request(url(i % 3))
              .post(`/incidents/${incidentId}/statements`)
              .set(auth('reporter'))
              .set('If-Match', `"${revision}"`)
              .send(statement(`round ${round} contender ${i}`)),
          ),
        );
        const statuses = outcomes.map((res) => res.status).sort();
        expect(statuses).toEqual([201, ...Array<number>(8).fill(412)]);
        const winner = outcomes.find((res) => res.status === 201);
        expect(winner?.body).toMatchObject({ revision: revision + 1 });
      }
    });

    test('SIGKILL of one instance mid-write loses nothing; the others keep serving', async () => {
      const incidentId = `scale-${randomUUID()}`;
      const opened = await openIncident(url(2), incidentId);
      const watchers = await Promise.all([0, 1].map((i) => feed(i, incidentId)));
      const acknowledged: WriteResult[] = [];
      let killed = false;
      const victim = instances.services[2];
      const lane = async (lane: number) => {
        for (let i = 0; !killed; i++) {
          try {
            acknowledged.push(await reportStatement(url(2), incidentId, `lane ${lane} #${i}`));
          } catch {
            if (!killed) throw new Error('a write failed before the kill');
          }
          if (acknowledged.length === 30 && !killed) {
            killed = true;
            victim.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([0, 1, 2, 3].map(lane));
      expect((await victim.exited).signal).toBe('SIGKILL');
      const after = await reportStatement(url(0), incidentId, 'after the kill');
      const also = await reportStatement(url(1), incidentId, 'and through the other');
      for (const { received } of watchers) {
        await received.untilPosition(also.position, DELIVERY_MS);
        const positions = received.positions(incidentId);
        for (const write of [opened, ...acknowledged, after, also])
          expect(positions).toContain(write.position);
        expect(new Set(positions).size).toBe(positions.length);
      }
      expect((await request(url(1)).get('/health')).status).toBe(200);
    });
  });
}
