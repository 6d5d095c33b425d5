import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { TimelineEntry } from '../../src/incidents/domain/view-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { seed } from '../projections/seed.js';
import { opened, statement } from '../support/incident-events.js';
import { expectProblem, expectValidationProblem } from './problems.js';
import { REPORTED_ORDER, seedStory, STORY } from './story.js';

interface TimelinePage {
  items: TimelineEntry[];
  nextCursor?: string;
}

describe('GET /incidents/:id/timeline', () => {
  let booted: BootedApp;
  const get = (path: string) => request(booted.url).get(path);

  async function collect(id: string, query: string): Promise<TimelineEntry[]> {
    const items: TimelineEntry[] = [];
    let cursor: string | undefined;
    do {
      const suffix = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await get(`/incidents/${id}/timeline?${query}${suffix}`).expect(200))
        .body as TimelinePage;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    booted = await bootApp();
    await seedStory(booted.app);
    const many = Array.from({ length: 250 }, (_, i) =>
      statement(`claim-${i}`, new Date(Date.UTC(2017, 4, 18, 12, 0, 250 - i)).toISOString()),
    );
    await seed(booted.app, 'long-story', [opened('long-story'), ...many]);
  });
  afterAll(async () => {
    await booted.close();
  });

  test('every entry in revision order, with its metadata and one readable line', async () => {
    const page = (await get('/incidents/at-tanf/timeline').expect(200)).body as TimelinePage;
    expect(page.nextCursor).toBeUndefined();
    expect(page.items.map((entry) => entry.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(page.items[5]).toEqual({
      revision: 5,
      position: expect.stringMatching(/^\d+$/),
      eventId: expect.any(String),
      type: 'CasualtyFiguresReported',
      recordedAt: STORY[5].recordedAt,
      recordedBy: 'rita',
      reportedAt: '2017-05-18T19:05:00Z',
      summary: 'Al-Masdar News: 6 killed (pro-government militia)',
      data: STORY[5].event.data,
    });
    expect(page.items[6]).not.toHaveProperty('reportedAt');
    expect(page.items[6].summary).toContain('developing → confirmed');
  });

  test('by=reported orders by world time, asc and desc', async () => {
    const asc = (await get('/incidents/at-tanf/timeline?by=reported').expect(200))
      .body as TimelinePage;
    expect(asc.items.map((entry) => entry.revision)).toEqual(REPORTED_ORDER);
    const desc = (await get('/incidents/at-tanf/timeline?by=reported&order=desc').expect(200))
      .body as TimelinePage;
    expect(desc.items.map((entry) => entry.revision)).toEqual([...REPORTED_ORDER].reverse());
    const recordedDesc = (await get('/incidents/at-tanf/timeline?order=desc').expect(200))
      .body as TimelinePage;
    expect(recordedDesc.items.map((entry) => entry.revision)).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  test('after keeps the entries above a revision, in either order', async () => {
    const asc = (await get('/incidents/at-tanf/timeline?after=4').expect(200)).body as TimelinePage;
    expect(asc.items.map((entry) => entry.revision)).toEqual([5, 6]);
    const reported = (
      await get('/incidents/at-tanf/timeline?after=2&by=reported&order=desc').expect(200)
    ).body as TimelinePage;
    expect(reported.items.map((entry) => entry.revision)).toEqual([6, 5, 4, 3]);
    const none = (await get('/incidents/at-tanf/timeline?after=6').expect(200))
      .body as TimelinePage;
    expect(none).toEqual({ items: [] });
  });

  test.each([
    ['limit=7', 'recorded', 'asc'],
    ['limit=13&order=desc', 'recorded', 'desc'],
    ['limit=100&by=reported', 'reported', 'asc'],
    ['limit=9&by=reported&order=desc', 'reported', 'desc'],
  ])('paging with %s returns every entry once, in order', async (query, by, order) => {
    const entries = await collect('long-story', query);
    expect(entries).toHaveLength(251);
    const revisions = entries.map((entry) => entry.revision);
    expect(new Set(revisions).size).toBe(251);
    const key = (entry: TimelineEntry) =>
      by === 'recorded'
        ? String(entry.revision).padStart(4, '0')
        : entry.type === 'IncidentOpened'
          ? ''
          : (entry.reportedAt ?? entry.recordedAt);
    const sorted = [...entries].sort((a, b) =>
      key(a) === key(b) ? a.revision - b.revision : key(a) < key(b) ? -1 : 1,
    );
    expect(entries).toEqual(order === 'asc' ? sorted : sorted.reverse());
  });

  test('a full page of the default size, then the rest', async () => {
    const first = (await get('/incidents/long-story/timeline').expect(200)).body as TimelinePage;
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const exact = (await get('/incidents/long-story/timeline?after=150').expect(200))
      .body as TimelinePage;
    expect(exact.items).toHaveLength(100);
    expect(exact.nextCursor).toBeUndefined();
  });

  test('a cursor sent alone continues its own order and by', async () => {
    const first = (
      await get('/incidents/long-story/timeline?limit=5&by=reported&order=desc').expect(200)
    ).body as TimelinePage;
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    const alone = (await get(`/incidents/long-story/timeline?limit=5&cursor=${cursor}`).expect(200))
      .body as TimelinePage;
    const together = (
      await get(
        `/incidents/long-story/timeline?limit=5&by=reported&order=desc&cursor=${cursor}`,
      ).expect(200)
    ).body as TimelinePage;
    expect(alone.items).toEqual(together.items);
    expect(alone.items).toHaveLength(5);
    const all = await collect('long-story', 'by=reported&order=desc');
    expect(alone.items).toEqual(all.slice(5, 10));
  });

  test('a cursor only continues the order it was made for', async () => {
    const page = (await get('/incidents/long-story/timeline?limit=5').expect(200))
      .body as TimelinePage;
    const cursor = encodeURIComponent(page.nextCursor ?? '');
    expectValidationProblem(
      await get(`/incidents/long-story/timeline?limit=5&order=desc&cursor=${cursor}`),
      'cursor',
    );
    expectValidationProblem(
      await get(`/incidents/long-story/timeline?by=reported&cursor=${cursor}`),
      'cursor',
    );
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['after=-1', 'after'],
    ['after=x', 'after'],
    ['order=up', 'order'],
    ['by=published', 'by'],
    ['cursor=%7B%7D', 'cursor'],
    ['page=2', 'page'],
  ])('?%s is a 400 on %s', async (query, field) => {
    expectValidationProblem(await get(`/incidents/at-tanf/timeline?${query}`), field);
  });

  test('an unknown incident is a 404', async () => {
    expectProblem(await get('/incidents/nothing-here/timeline'), 404);
  });
});
