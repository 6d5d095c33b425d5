import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { FeedEnvelope } from '../../src/feed/client/feed-types.js';
import { compileService } from '../process/compiled-service.js';
import { connectFeed, Received, subscribe } from '../feed/feed-test-client.js';
import { TOKENS } from '../support/boot.js';
import {
  allEvents,
  call,
  serviceEnv,
  startListening,
  type ServiceProcess,
} from './support/service-process.js';

const INCIDENTS = ['crash-a', 'crash-b', 'crash-c', 'crash-d'];
const WRITERS = 8;
/** Acknowledged statements before the SIGKILL. */
const KILL_AFTER = 160;

interface Attempt {
  incidentId: string;
  body: { text: string; attribution: { name: string; kind: string }[]; reportedAt: string };
  key?: string;
  /** The 201's body, or undefined when the kill cut the request off. */
  answer?: Record<string, unknown>;
}

const textOf = (event: FeedEnvelope) => (event.data as { text?: string }).text;

async function statement(url: string, attempt: Attempt) {
  return call(url, 'POST', `/incidents/${attempt.incidentId}/statements`, {
    token: TOKENS.reporter,
    body: attempt.body,
    headers: attempt.key === undefined ? {} : { 'idempotency-key': attempt.key },
  });
}

async function readModel(url: string) {
  const list = await call(url, 'GET', '/incidents?limit=100');
  const views = await Promise.all(INCIDENTS.map((id) => call(url, 'GET', `/incidents/${id}`)));
  const timelines = await Promise.all(
    INCIDENTS.map((id) => call(url, 'GET', `/incidents/${id}/timeline?limit=1000`)),
  );
  return { list, views, timelines };
}

describe('SIGKILL under 8 concurrent HTTP writers, then a restart on the same data', () => {
  let main: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-crash-writers-'));
  let running: ServiceProcess | undefined;
  beforeAll(async () => {
    main = await compileService();
  }, 120_000);
  afterAll(async () => {
    if (running && running.service.child.exitCode === null) {
      running.service.child.kill('SIGTERM');
      await running.service.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every 201 is stored once, keyed retries get the first answer, the read model equals a rebuild, the feed resumes without gap', async () => {
    const first = await startListening(main, serviceEnv(dir));
    running = first;
    for (const incidentId of INCIDENTS) {
      const opened = await call(first.url, 'POST', '/incidents', {
        token: TOKENS.reporter,
        body: { incidentId, title: `Crash ${incidentId}` },
      });
      expect(opened.status).toBe(201);
    }
    const feed = await connectFeed(first.url);
    const before = new Received(feed);
    expect(await subscribe(feed, { after: '0' })).toMatchObject({ ok: true });

    // 8 writers on 4 incidents, even ones with an Idempotency-Key; killed mid-flight
    const attempts: Attempt[] = [];
    const refused: number[] = [];
    let acked = 0;
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const attempt: Attempt = {
          incidentId: INCIDENTS[w % INCIDENTS.length],
          body: {
            text: `writer ${w} statement ${i}`,
            attribution: [{ name: 'Reuters', kind: 'wire' }],
            reportedAt: '2017-05-18T19:05:00Z',
          },
          key: w % 2 === 0 ? `crash-${w}-${i}` : undefined,
        };
        attempts.push(attempt);
        let answer;
        try {
          answer = await statement(first.url, attempt);
        } catch {
          return; // the connection died with the process: outcome unknown
        }
        if (answer.status !== 201) {
          refused.push(answer.status);
          return;
        }
        attempt.answer = answer.body;
        acked += 1;
        if (acked === KILL_AFTER) {
          killed = true;
          first.service.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    expect((await first.service.exited).signal).toBe('SIGKILL');
    feed.close();
    expect(refused).toEqual([]);
    const beforeKill = before.positions();
    expect(new Set(beforeKill).size).toBe(beforeKill.length);

    const second = await startListening(main, serviceEnv(dir));
    running = second;
    const stored = await allEvents(second.url);
    expect(new Set(stored.map((e) => e.eventId)).size).toBe(stored.length);
    const byText = (events: FeedEnvelope[], text: string) =>
      events.filter((e) => textOf(e) === text);

    // every acknowledged write is stored exactly once, as it was acknowledged
    const answered = attempts.filter((a) => a.answer !== undefined);
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);
    for (const attempt of answered) {
      const found = byText(stored, attempt.body.text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        eventId: attempt.answer?.eventId,
        revision: attempt.answer?.revision,
        position: attempt.answer?.position,
        incidentId: attempt.incidentId,
      });
    }
    // a request the kill cut off is stored at most once
    const cutOff = attempts.filter((a) => a.answer === undefined);
    for (const attempt of cutOff) {
      expect(byText(stored, attempt.body.text).length).toBeLessThanOrEqual(1);
    }

    // keyed retries after the restart return the first answer; a cut-off keyed one lands once
    const keyed = answered.filter((a) => a.key !== undefined);
    expect(keyed.length).toBeGreaterThan(KILL_AFTER / 4);
    for (const attempt of keyed) {
      const again = await statement(second.url, attempt);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(attempt.answer);
    }
    for (const attempt of cutOff.filter((a) => a.key !== undefined)) {
      const again = await statement(second.url, attempt);
      expect(again.status).toBe(201);
      const previous = byText(stored, attempt.body.text);
      if (previous.length === 1) expect(again.body.eventId).toBe(previous[0].eventId);
    }
    // and the restarted service takes new writes, so a resuming client always has something to get
    for (const incidentId of INCIDENTS) {
      const body = { ...attempts[0].body, text: `after the restart on ${incidentId}` };
      expect((await statement(second.url, { incidentId, body })).status).toBe(201);
    }
    const after = await allEvents(second.url);
    for (const attempt of [...answered, ...cutOff.filter((a) => a.key !== undefined)]) {
      expect(byText(after, attempt.body.text)).toHaveLength(1);
    }
    expect(new Set(after.map((e) => e.eventId)).size).toBe(after.length);

    // a feed client resuming from its last applied position: no gap, no duplicate
    const resumed = await connectFeed(second.url);
    const rest = new Received(resumed);
    expect(await subscribe(resumed, { after: beforeKill.at(-1) ?? '0' })).toMatchObject({
      ok: true,
    });
    const last = after.at(-1)?.position ?? '';
    await rest.until(() => [...beforeKill, ...rest.positions()].includes(last), last, 60_000);
    resumed.close();
    expect([...beforeKill, ...rest.positions()]).toEqual(after.map((e) => e.position));

    // the read model after the restart equals one rebuilt from the log
    const projected = await readModel(second.url);
    for (const [i, id] of INCIDENTS.entries()) {
      expect(projected.views[i].status).toBe(200);
      const last = after.filter((e) => e.incidentId === id).at(-1);
      expect(projected.views[i].body.revision).toBe(last?.revision);
      expect((projected.timelines[i].body.items as unknown[]).length).toBe(
        (last?.revision ?? -1) + 1,
      );
    }
    const rebuild = await call(second.url, 'POST', '/admin/projections/rebuild', {
      token: TOKENS.admin,
    });
    expect(rebuild.status).toBe(202);
    await second.service.waitForLog((l) => String(l.msg).startsWith('rebuild done'));
    expect(await readModel(second.url)).toEqual(projected);

    second.service.child.kill('SIGTERM');
    expect((await second.service.exited).code).toBe(0);
  }, 180_000);
});
