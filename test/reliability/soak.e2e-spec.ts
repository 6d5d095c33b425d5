import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { compileService } from '../process/compiled-service.js';
import { TOKENS } from '../support/boot.js';
import {
  allEvents,
  call,
  serviceEnv,
  startListening,
  type ServiceProcess,
} from './support/service-process.js';
import {
  caughtUp,
  connectClients,
  expectedPositions,
  resume,
  type TrackedClient,
} from './support/soak-clients.js';
import { runLoad, type LoadTally } from './support/soak-load.js';

/** SOAK_SECONDS=60 (npm run soak) for the long run; 20 s in npm test. */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const CLIENTS = 500;
const INCIDENTS = Array.from({ length: 8 }, (_, i) => `soak-${i}`);
const probe = path.resolve(import.meta.dirname, 'support/heap-probe.mjs');

interface Heap {
  seq: number;
  heapUsed: number;
  rss: number;
}

describe(`soak: ${SECONDS} s of writes, reads, replays and ${CLIENTS} feed clients on one service`, () => {
  let main: string;
  let running: ServiceProcess | undefined;
  let clients: TrackedClient[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-soak-'));
  beforeAll(async () => {
    main = await compileService();
  }, 120_000);
  afterAll(async () => {
    clients.forEach((c) => c.socket.close());
    if (running && running.service.child.exitCode === null) {
      running.service.child.kill('SIGTERM');
      await running.service.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('no unexpected answer, no event lost or doubled by any client, heap after GC within 10% of warm-up', async () => {
    const booted = await startListening(
      main,
      serviceEnv(dir, { NODE_OPTIONS: `--import=${probe}` }),
    );
    running = booted;
    const { url, service } = booted;
    let seq = 0;
    const heap = async (): Promise<Heap> => {
      seq += 1;
      const wanted = seq;
      const line = service.waitForLog((l) => l.msg === 'heap probe' && l.seq === wanted);
      service.child.kill('SIGUSR2');
      return (await line) as unknown as Heap;
    };
    for (const incidentId of INCIDENTS) {
      expect(
        (
          await call(url, 'POST', '/incidents', {
            token: TOKENS.reporter,
            body: { incidentId, title: `Soak ${incidentId}`, tags: ['soak'] },
          })
        ).status,
      ).toBe(201);
      for (let i = 0; i < 4; i++) {
        const said = await call(url, 'POST', `/incidents/${incidentId}/statements`, {
          token: TOKENS.reporter,
          body: {
            text: `opening statement ${i}`,
            attribution: [{ name: 'AFP', kind: 'wire' }],
            reportedAt: '2017-05-18T18:00:00Z',
          },
        });
        expect(said.status).toBe(201);
      }
    }
    clients = await connectClients(url, CLIENTS, INCIDENTS);
    const tally: LoadTally = { writes: 0, reads: 0, replays: 0, unexpected: [] };
    const phase = async (ms: number) => {
      const end = Date.now() + ms;
      await runLoad(url, INCIDENTS, tally, () => Date.now() >= end);
      const log = await allEvents(url);
      await caughtUp(clients, log, 60_000);
      return log;
    };
    const lostOrDoubled = (log: Awaited<ReturnType<typeof phase>>) =>
      clients
        .map((c, i) => ({ i, faults: c.faults, got: c.positions, want: expectedPositions(c, log) }))
        .filter(({ faults, got, want }) => faults.length > 0 || got.join() !== want.join())
        .map(
          ({ i, faults, got, want }) =>
            `client ${i}: ${got.length}/${want.length} ${faults.join('; ')}`,
        );

    // warm-up: a quarter of the run (at least 5 s), then the level every later figure is held to
    const warm = await phase(Math.max(5_000, (SECONDS * 1000) / 4));
    expect(lostOrDoubled(warm)).toEqual([]);
    const baseline = await heap();

    // the run itself, in two halves; between them 50 clients resume from their last position
    const first = await phase((SECONDS * 1000) / 2);
    expect(lostOrDoubled(first)).toEqual([]);
    clients = await Promise.all(
      clients.map((c, i) => (i % 10 === 3 ? resume(url, c) : Promise.resolve(c))),
    );
    const log = await phase((SECONDS * 1000) / 2);
    const final = await heap();

    expect(tally.unexpected.slice(0, 10)).toEqual([]);
    expect(lostOrDoubled(log)).toEqual([]);
    expect(tally.writes).toBeGreaterThan(100);
    expect(tally.replays).toBeGreaterThan(50);
    const delivered = clients.reduce((sum, c) => sum + c.positions.length, 0);
    process.stdout.write(
      `soak ${SECONDS} s: ${tally.writes} writes, ${tally.reads} reads, ${tally.replays} replays, ` +
        `${log.length} events, ${delivered} deliveries to ${CLIENTS} clients; heap after GC ` +
        `${(baseline.heapUsed / 2 ** 20).toFixed(1)} -> ${(final.heapUsed / 2 ** 20).toFixed(1)} MiB, ` +
        `rss ${(baseline.rss / 2 ** 20).toFixed(0)} -> ${(final.rss / 2 ** 20).toFixed(0)} MiB\n`,
    );
    expect(final.heapUsed).toBeLessThanOrEqual(baseline.heapUsed * 1.1);

    clients.forEach((c) => c.socket.close());
    service.child.kill('SIGTERM');
    expect((await service.exited).code).toBe(0);
  }, 600_000);
});
