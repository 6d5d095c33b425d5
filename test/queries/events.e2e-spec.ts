import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { Envelope } from '../../src/envelope/envelope.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { seed, toNewEvent } from '../projections/seed.js';
import { opened, statement } from '../support/incident-events.js';
import { expectValidationProblem } from './problems.js';

interface EventsPage {
  items: Envelope[];
  next: string;
}

/** Reads an NDJSON answer slowly: pauses after every chunk, so the server must wait for drain. */
function readSlowly(url: string): Promise<{ status: number; type: string; lines: Envelope[] }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Accept: 'application/x-ndjson' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        res.pause();
        setTimeout(() => res.resume(), 1);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? '',
          lines: text
            .split('\n')
            .filter((line) => line.length > 0)
            .map((line) => JSON.parse(line) as Envelope),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

describe('GET /events', () => {
  let booted: BootedApp;
  let store: EventStore;
  const get = (path: string) => request(booted.url).get(path);

  beforeAll(async () => {
    booted = await bootApp();
    store = booted.app.get<EventStore>(EVENT_STORE);
    await seed(booted.app, 'first', [opened('first'), statement('a', '2017-05-18T15:00:00Z')]);
    await seed(booted.app, 'second', [opened('second')]);
    // an event of another stream is not an incident event: /events leaves it out
    await store.append('other-stream', [toNewEvent(opened('x'), new Date().toISOString(), 'ops')], {
      expectedRevision: 'any',
    });
    await seed(booted.app, 'first', [statement('b', '2017-05-18T16:00:00Z')]);
  });
  afterAll(async () => {
    await booted.close();
  });

  test('the envelopes of incident events in position order', async () => {
    const page = (await get('/events').expect(200)).body as EventsPage;
    expect(page.items.map((item) => [item.incidentId, item.revision, item.type])).toEqual([
      ['first', 0, 'IncidentOpened'],
      ['first', 1, 'StatementReported'],
      ['second', 0, 'IncidentOpened'],
      ['first', 2, 'StatementReported'],
    ]);
    const [stored] = await store.readStream('incident-first', { limit: 1 });
    expect(page.items[0]).toEqual({
      position: stored.position,
      incidentId: 'first',
      revision: 0,
      eventId: stored.eventId,
      type: 'IncidentOpened',
      data: stored.data,
      recordedAt: stored.metadata.recordedAt,
      recordedBy: 'seeder',
    });
    expect(page.next).toBe(page.items[3].position);
  });

  test('paging with after and limit; next is after itself at the head', async () => {
    const all = (await get('/events').expect(200)).body as EventsPage;
    const first = (await get('/events?limit=2').expect(200)).body as EventsPage;
    expect(first.items).toEqual(all.items.slice(0, 2));
    expect(first.next).toBe(all.items[1].position);
    const rest = (await get(`/events?after=${first.next}&limit=1000`).expect(200))
      .body as EventsPage;
    expect(rest.items).toEqual(all.items.slice(2));
    const end = (await get(`/events?after=${rest.next}`).expect(200)).body as EventsPage;
    expect(end).toEqual({ items: [], next: rest.next });
  });

  test('a page reads past records of other streams: a short page means the end of the log', async () => {
    const all = (await get('/events').expect(200)).body as EventsPage;
    // after `second` opened, the next record is the other stream's; the page still holds one event
    const page = (await get(`/events?after=${all.items[2].position}&limit=1`).expect(200))
      .body as EventsPage;
    expect(page).toEqual({ items: [all.items[3]], next: all.items[3].position });
  });

  test.each([
    ['after=-1', 'after'],
    ['after=1.5', 'after'],
    ['after=abc', 'after'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
  ])('?%s is a 400 on %s', async (query, field) => {
    expectValidationProblem(await get(`/events?${query}`), field);
  });

  test('NDJSON: one envelope per line from after to the head, then the end', async () => {
    const all = (await get('/events').expect(200)).body as EventsPage;
    const res = await get(`/events?after=${all.items[0].position}`)
      .set('Accept', 'application/x-ndjson')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const text = res.body as string;
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Envelope);
    expect(lines).toEqual(all.items.slice(1));
  });

  test('NDJSON: a long log reaches a slow reader whole and in order', async () => {
    const padding = 'x'.repeat(2000);
    // a well-formed incident, so the projections have nothing to complain about
    await store.append(
      'incident-bulk',
      [toNewEvent(opened('bulk'), new Date().toISOString(), 'bulk')],
      {
        expectedRevision: 'no_stream',
      },
    );
    for (let i = 0; i < 20; i++) {
      const events = Array.from({ length: 100 }, (_, j) =>
        toNewEvent(
          statement(`bulk-${i}-${j}`, '2017-05-18T16:00:00Z', padding),
          new Date().toISOString(),
          'bulk',
        ),
      );
      await store.append('incident-bulk', events, { expectedRevision: 'any' });
    }
    const head = await store.head();
    const { status, type, lines } = await readSlowly(`${booted.url}/events?after=0`);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/x-ndjson/);
    expect(lines).toHaveLength(2005);
    expect(lines.at(-1)?.position).toBe(head);
    const positions = lines.map((line) => BigInt(line.position));
    expect(positions.every((position, i) => i === 0 || position > positions[i - 1])).toBe(true);
    expect(lines.filter((line) => line.incidentId === 'bulk').map((line) => line.revision)).toEqual(
      Array.from({ length: 2001 }, (_, i) => i),
    );
  });
});
