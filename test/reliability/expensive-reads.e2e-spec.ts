import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { bootApp, type BootedApp } from '../support/boot.js';
import { seed } from '../projections/seed.js';
import { opened, statement } from '../support/incident-events.js';

const EVENTS = 1000;

async function seedBig(booted: BootedApp): Promise<void> {
  const events = [opened('big')];
  for (let i = 0; i < EVENTS; i++) events.push(statement(`c-${i}`, '2017-05-18T19:05:00Z'));
  await seed(booted.app, 'big', events);
}

interface Answer {
  status: number;
  retryAfter: string | null;
  type?: string;
}

const CHILD = fileURLToPath(new URL('./support/burst-child.mjs', import.meta.url));

interface Burst {
  answers: Answer[];
  /** A GET /health sent right behind the burst, timed by the child. */
  health: { status: number; ms: number };
  /** Until the last answer of the burst. */
  allMs: number;
}

/** Sends every request at once from a child process, so none waits on this process's loop. */
function burst(url: string, paths: string[], options: { warm?: boolean } = {}): Promise<Burst> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CHILD, url, ...paths],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, BURST_WARM: options.warm ? '1' : '0' },
      },
      (error, stdout) =>
        error ? reject(new Error(error.message)) : resolve(JSON.parse(stdout) as Burst),
    );
  });
}

describe('expensive reads cannot monopolise the process', () => {
  let booted: BootedApp;
  beforeAll(async () => {
    booted = await bootApp();
    await seedBig(booted);
  });
  afterAll(() => booted.close());

  test('500 concurrent time-travel reads: /health answers promptly, the excess gets 503 + Retry-After', async () => {
    const paths = Array.from({ length: 500 }, (_, i) =>
      i % 2 === 0 ? `/incidents/big?revision=${i}` : `/incidents/big/diff?from=0&to=${i}`,
    );
    const { answers, health, allMs } = await burst(booted.url, paths);
    expect(health.status).toBe(200);
    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 503);
    expect(ok.length + busy.length).toBe(500);
    expect(ok.length).toBeGreaterThanOrEqual(4);
    for (const answer of busy) {
      expect(answer.retryAfter).toBe('1');
      expect(answer.type).toBe('urn:storyline:problem:busy');
    }
    // health is answered well before the burst is through, not behind every read of it
    expect(health.ms).toBeLessThan(Math.max(1000, allMs * 0.5));
  });
});

describe('the read budget', () => {
  let booted: BootedApp;
  beforeAll(async () => {
    booted = await bootApp({
      env: {
        STORYLINE_EXPENSIVE_READS: '1',
        STORYLINE_EXPENSIVE_READ_QUEUE: '100',
        STORYLINE_READ_BUDGET_MS: '10',
      },
    });
    await seedBig(booted);
  });
  afterAll(() => booted.close());

  test('reads that wait past the budget get 503 + Retry-After; current views are not gated', async () => {
    const { answers } = await burst(
      booted.url,
      // late revisions: each read returns hundreds of claims, so one at a time, the queue behind
      // the first reads waits past 10 ms however the 100 requests happen to arrive
      Array.from({ length: 100 }, (_, i) => `/incidents/big?revision=${EVENTS - i}`),
      // on open connections the 100 arrive together, so they queue behind one another
      { warm: true },
    );
    const late = answers.filter((a) => a.type === 'urn:storyline:problem:read-budget-exceeded');
    expect(answers.some((a) => a.status === 200)).toBe(true);
    // the statuses, should none be late: an assertion that says what came back instead
    expect({ late: late.length > 0, statuses: answers.map((a) => a.status) }).toMatchObject({
      late: true,
    });
    for (const answer of late) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('1');
    }
    const current = (
      await burst(
        booted.url,
        Array.from({ length: 30 }, () => '/incidents/big'),
      )
    ).answers;
    expect(current.map((a) => a.status)).toEqual(Array(30).fill(200));
  });
});
