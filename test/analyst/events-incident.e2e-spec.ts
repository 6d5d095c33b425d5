import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { bootApp, type BootedApp } from '../support/boot.js';
import { expectValidationProblem } from '../queries/problems.js';
import { writeStory } from './analyst-story.js';

interface Envelope {
  incidentId: string;
  revision: number;
  position: string;
  type: string;
}

describe('GET /events?incidentId=', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);
  let all: Envelope[];

  beforeAll(async () => {
    booted = await bootApp();
    await writeStory(booted.url);
    all = ((await get('/events?limit=1000').expect(200)).body as { items: Envelope[] }).items;
  });
  afterAll(async () => booted.close());

  test('JSON pages hold only that incident, in position order, and `next` continues', async () => {
    const mine = all.filter((event) => event.incidentId === 'cafe-blast');
    expect(mine.length).toBe(2);
    const first = (await get('/events?incidentId=cafe-blast&limit=1').expect(200)).body as {
      items: Envelope[];
      next: string;
    };
    expect(first.items).toEqual([mine[0]]);
    expect(first.next).toBe(mine[0].position);
    const rest = (await get(`/events?incidentId=cafe-blast&after=${first.next}`).expect(200))
      .body as { items: Envelope[]; next: string };
    expect(rest.items).toEqual(mine.slice(1));
    const ahli = (await get('/events?incidentId=al-ahli').expect(200)).body as {
      items: Envelope[];
    };
    expect(ahli.items).toEqual(all.filter((event) => event.incidentId === 'al-ahli'));
  });

  test('NDJSON streams only that incident', async () => {
    const res = await get('/events?incidentId=al-ahli&after=0')
      .set('Accept', 'application/x-ndjson')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    const lines = (res.body as string)
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Envelope);
    expect(lines).toEqual(all.filter((event) => event.incidentId === 'al-ahli'));
  });

  test('an unknown incident is an empty page whose next is after', async () => {
    const page = (await get('/events?incidentId=no-such-thing&after=3').expect(200)).body as {
      items: Envelope[];
      next: string;
    };
    expect(page).toEqual({ items: [], next: '3' });
  });

  test.each(['NOT-AN-ID', 'ab', '', '-x-y'])('incidentId=%j is a 400', async (id) => {
    expectValidationProblem(
      await get(`/events?incidentId=${encodeURIComponent(id)}`),
      'incidentId',
    );
  });
});
