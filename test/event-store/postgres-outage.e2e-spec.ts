import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type Cluster, findBinaries, startCluster } from '../../scripts/postgres/cluster.mjs';
import { StoreUnavailable, type EventStore } from '../../src/event-store/event-store.js';
import { openEventStore } from '../../src/event-store/open-event-store.js';
import { connectFeed, Received, subscribe } from '../feed/feed-test-client.js';
import { openIncident, reportStatement } from '../feed/feed-writes.js';
import { Instances } from '../scale/instances.js';
import { auth } from '../support/boot.js';
import { newEvent, rejectionOf, take, uniqueStream } from './conformance-kit.js';

/**
 * PostgreSQL goes down and comes back: a cluster of this file's own, stopped and started with
 * pg_ctl (the real server, no fake), under the adapter and under a running storyline process.
 */
const binaries = process.env.STORYLINE_TEST_POSTGRES_BIN
  ? { bin: process.env.STORYLINE_TEST_POSTGRES_BIN }
  : findBinaries({ install: false });

/** Polls until `check` holds (the server's recovery has no event to await from outside). */
async function eventually(check: () => Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (!binaries.bin) {
  const reason = `PostgreSQL outage tests skipped: ${binaries.reason ?? 'no PostgreSQL binaries'}`;
  console.warn(reason);
  describe('PostgreSQL down and back', () => test.skip(reason, () => undefined));
} else {
  const bin = binaries.bin;
  describe('PostgreSQL down and back', () => {
    let cluster: Cluster;
    let store: EventStore;
    let instances: Instances;

    beforeAll(async () => {
      cluster = await startCluster({ bin });
      store = await openEventStore(cluster.url);
      instances = new Instances(cluster.url);
      await instances.start(1);
    }, 120_000);

    afterAll(async () => {
      await instances?.stop();
      await store?.close();
      cluster?.stop();
    });

    test('writes and /health answer 503, reads answer from the read model, and it all recovers', async () => {
      const [url] = instances.urls;
      const incidentId = `outage-${randomUUID()}`;
      const opened = await openIncident(url, incidentId);
      const before = await reportStatement(url, incidentId, 'before the outage');
      const socket = instances.track(await connectFeed(url));
      const received = new Received(socket);
      expect(await subscribe(socket, { incidentId, after: '0' })).toMatchObject({ ok: true });
      await received.untilPosition(before.position);

      const stream = uniqueStream();
      const sub = store.subscribe({ after: await store.head(), streamId: stream });
      cluster.stopServer();
      try {
        const write = await request(url)
          .post(`/incidents/${incidentId}/statements`)
          .set(auth('reporter'))
          .send({
            text: 'during',
            attribution: [{ name: 'AP', kind: 'wire' }],
            reportedAt: '2017-05-18T19:05:00Z',
          });
        expect(write.status).toBe(503);
        expect(write.headers['content-type']).toMatch(/application\/problem\+json/);
        expect((await request(url).get('/health')).status).toBe(503);
        const read = await request(url).get(`/incidents/${incidentId}`);
        expect(read.status).toBe(200);
        expect(JSON.stringify(read.body)).toContain('before the outage');
        expect((await request(url).get('/incidents')).status).toBe(200);
        // the adapter itself: every call fails as StoreUnavailable, never as a crash
        expect(
          await rejectionOf(store.append(stream, [newEvent()], { expectedRevision: 'any' })),
        ).toBeInstanceOf(StoreUnavailable);
        expect(await rejectionOf(store.head())).toBeInstanceOf(StoreUnavailable);
        expect(await rejectionOf(store.readStream(stream))).toBeInstanceOf(StoreUnavailable);
      } finally {
        cluster.start();
      }

      await eventually(
        async () => (await request(url).get('/health')).status === 200,
        '/health 200',
      );
      const after = await reportStatement(url, incidentId, 'after the outage');
      await received.untilPosition(after.position);
      // the feed client, connected throughout, got every event once, the refused write not at all
      expect(received.positions(incidentId)).toEqual([
        opened.position,
        before.position,
        after.position,
      ]);
      const read = await request(url).get(`/incidents/${incidentId}`);
      expect(JSON.stringify(read.body)).toContain('after the outage');

      // the adapter recovers too: an append works again and a new subscription sees it
      const event = newEvent();
      await store.append(stream, [event], { expectedRevision: 'no_stream' });
      await sub.close();
      const again = store.subscribe({ after: '0', streamId: stream });
      expect((await take(again, 1))[0].eventId).toBe(event.eventId);
      await again.close();
    });
  });
}
