import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { connectFeed, Received, subscribe } from '../feed/feed-test-client.js';
import { openIncident, reportStatement } from '../feed/feed-writes.js';
import { compileService, startService, type RunningService } from '../process/compiled-service.js';
import { TOKENS } from '../support/boot.js';

/**
 * Two storyline processes on one KurrentDB server (STORYLINE_TEST_KURRENTDB), each with its own
 * read model: the store is the bus, so a write through one reaches the feed clients of the
 * other. The embedded store cannot do this (docker/README.md says why), and no fake server
 * stands in for KurrentDB: without one this suite is skipped and says so.
 */
const server = process.env.STORYLINE_TEST_KURRENTDB;

if (!server) {
  const reason =
    'multi-instance test skipped: STORYLINE_TEST_KURRENTDB is not set (no KurrentDB server on this machine)';
  console.warn(reason);
  describe('two storyline processes on one KurrentDB', () => {
    test.skip(reason, () => undefined);
  });
} else {
  describe('two storyline processes on one KurrentDB', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-scale-'));
    const services: RunningService[] = [];
    const sockets: Socket[] = [];
    const urls: string[] = [];

    const start = async (main: string, name: string) => {
      const service = startService(main, {
        PORT: '0',
        STORYLINE_STORE: server,
        STORYLINE_READ_MODEL: `sqlite:${path.join(dir, `${name}-read-model.db`)}`,
        STORYLINE_TOKENS: `rita:reporter:${TOKENS.reporter},eddie:editor:${TOKENS.editor},ada:admin:${TOKENS.admin}`,
        STORYLINE_DEMO: 'false',
      });
      services.push(service);
      const listening = await service.waitForLog((line) => line.msg === 'storyline listening');
      return String(listening.url).replace('[::1]', '127.0.0.1');
    };

    beforeAll(async () => {
      const main = await compileService();
      urls.push(await start(main, 'a'), await start(main, 'b'));
    }, 120_000);

    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      for (const service of services) service.child.kill('SIGTERM');
      await Promise.all(services.map((service) => service.exited));
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test.each([
      ['a', 'b', 0, 1],
      ['b', 'a', 1, 0],
    ])('a write through %s reaches a feed client of %s', async (_from, _to, writer, reader) => {
      const incidentId = `scale-${randomUUID()}`;
      const socket = await connectFeed(urls[reader]);
      sockets.push(socket);
      const received = new Received(socket);
      expect(await subscribe(socket, { incidentId, after: '0' })).toMatchObject({ ok: true });

      const opened = await openIncident(urls[writer], incidentId);
      const reported = await reportStatement(urls[writer], incidentId, 'statement via the other');
      await received.untilPosition(reported.position);
      expect(received.positions(incidentId)).toEqual([opened.position, reported.position]);
      expect(received.events.map((event) => event.type)).toEqual([
        'IncidentOpened',
        'StatementReported',
      ]);
    });
  });
}
