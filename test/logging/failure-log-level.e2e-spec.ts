import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { JsonLogger } from '../../src/common/logging/json-logger.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

describe('a failed request is logged at the level its status calls for', () => {
  let booted: BootedApp;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logger = new JsonLogger(new Set(['error', 'warn', 'fatal']), (line) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    booted = await bootApp({ logger });
  });
  afterAll(() => booted.close());

  test('a 4xx is not logged; a 503 (the store is down) is a warning without a stack', async () => {
    const bad = await request(booted.url).post('/incidents').set(auth('reporter')).send({});
    expect(bad.status).toBe(400);
    expect(lines.filter((line) => line.status !== undefined)).toEqual([]);

    await booted.app.get<EventStore>(EVENT_STORE).close();
    const refused = await request(booted.url)
      .post('/incidents')
      .set(auth('reporter'))
      .send({ incidentId: 'while-the-store-is-down', title: 'Something happened' });
    expect(refused.status).toBe(503);
    const logged = lines.filter((line) => line.status === 503);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'request refused',
        type: 'urn:storyline:problem:store-unavailable',
      }),
    ]);
    expect(logged[0]).not.toHaveProperty('stack');
    expect(lines.filter((line) => line.msg === 'request failed')).toEqual([]);
  });
});
