import path from 'node:path';
import { cleanUp, progress, settings, statementBody, tempDir } from '../lib/bench-env.js';
import { row, type Row, type Section } from '../lib/report.js';
import { elapsedMs } from '../lib/stats.js';
import { startStoryline, type Storyline } from '../lib/storyline-service.js';
import { medianGet, timedGet } from '../lib/timed-get.js';
import { rawReadAndParse } from './raw-stream.js';
import { buildStory, type Story } from './scale-story.js';
import { travelGets, type TravelGets } from './travel-get.js';
import { serviceCommand } from '../lib/service-node-flags.js';

const POSTS = 20;
const GETS = 5;
const CATCH_UP_TIMEOUT_MS = 90_000;
const POLL_MS = 25;

/** The revision of the latest event in the read model's timeline, -1 before any. */
async function projectedRevision(service: Storyline, story: Story): Promise<number> {
  const latest = `${service.url}/incidents/${story.incidentId}/timeline?order=desc&limit=1`;
  const answer = await timedGet(latest);
  if (answer.status !== 200) return -1;
  const { items } = JSON.parse(answer.body.toString()) as { items: { revision: number }[] };
  return items[0]?.revision ?? -1;
}

/**
 * Catch-up events/s: the events applied between the first poll that sees a tenth of the story
 * in the read model and the poll that sees all of it, over the time between them (the boot
 * excluded). When no poll saw it part-way (a small story caught up in one go), every event over
 * the time from the service answering to the poll that saw the end: a lower bound.
 */
async function catchUpRate(service: Storyline, story: Story, ready: bigint): Promise<number> {
  const last = story.events - 1;
  const tenth = Math.floor(story.events / 10);
  let first: { at: bigint; revision: number } | undefined;
  for (;;) {
    const revision = await projectedRevision(service, story);
    const at = process.hrtime.bigint();
    if (revision >= last) {
      if (!first) return (story.events * 1000) / Math.max(elapsedMs(ready, at), 1);
      return ((revision - first.revision) * 1000) / elapsedMs(first.at, at);
    }
    if (!first && revision >= tenth) first = { at, revision };
    if (elapsedMs(ready) > CATCH_UP_TIMEOUT_MS)
      throw new Error(`the read model did not reach revision ${last} in ${CATCH_UP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function medianPost(service: Storyline, story: Story): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < POSTS; i++) {
    const start = process.hrtime.bigint();
    await service.write(
      `/incidents/${story.incidentId}/statements`,
      statementBody(`Scale POST ${i}`),
    );
    times.push(elapsedMs(start));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** A time-travel figure's rows: its first (computed) GET, then the median of the repeats. */
function travelRows(label: string, name: string, gets: TravelGets, raw: number): Row[] {
  return [
    row(`${label}: GET ?${name}= mid-story, first (computed)`, gets.firstMs, 'ms', raw, 1),
    row(`${label}: GET ?${name}= mid-story, repeated (median)`, gets.medianMs, 'ms', raw, 1),
  ];
}

async function measureSize(
  size: number,
  firstPost: number | null,
): Promise<{ rows: Row[]; post: number }> {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'storyline.db');
    const built = process.hrtime.bigint();
    const story = await buildStory(file, `scale-${size}`, size);
    progress(`scale: ${size} events built in ${elapsedMs(built).toFixed(0)} ms`);
    const raw = rawReadAndParse(file, `incident-${story.incidentId}`);
    const rawRate = (size * 1000) / raw;
    const label = `${size.toLocaleString('en-US')} events`;
    const service = await startStoryline(dir);
    try {
      const catchUp = await catchUpRate(service, story, process.hrtime.bigint());
      const view = `${service.url}/incidents/${story.incidentId}`;
      const plain = await medianGet(view, GETS);
      const gzip = await medianGet(view, GETS, { 'accept-encoding': 'gzip, br' });
      // asOf lands on midRevision: revision asks for the one after, so both are computed once
      const asOf = await travelGets(`${view}?asOf=${story.midRecordedAt}`, GETS);
      const revision = await travelGets(`${view}?revision=${story.midRevision + 1}`, GETS);
      const reportedBy = await travelGets(`${view}?reportedBy=${story.midReportedAt}`, GETS);
      const post = await medianPost(service, story);
      return {
        post,
        rows: [
          row(`${label}: sequential POST (median of ${POSTS})`, post, 'ms', firstPost ?? post, 2),
          row(`${label}: projection catch-up from empty`, catchUp, 'events/s', rawRate, 0),
          row(`${label}: GET view`, plain.ms, 'ms', raw, 1),
          row(`${label}: GET view size`, plain.bytes, 'B', null, 0),
          row(`${label}: GET view, gzip/br accepted`, gzip.ms, 'ms', raw, 1),
          row(`${label}: GET view size, gzip/br accepted`, gzip.bytes, 'B', plain.bytes, 0),
          ...travelRows(label, 'asOf', asOf, raw),
          ...travelRows(label, 'revision', revision, raw),
          ...travelRows(label, 'reportedBy', reportedBy, raw),
        ],
      };
    } finally {
      await service.stop();
    }
  } finally {
    cleanUp(dir);
  }
}

/** Scale: incidents of 1k, 10k and 100k events, built through the store, then read and written. */
export async function scaleBench(): Promise<Section> {
  const rows: Row[] = [];
  const notes: string[] = [];
  let firstPost: number | null = null;
  for (const size of settings.sizes) {
    progress(`scale: ${size} events`);
    try {
      const measured = await measureSize(size, firstPost);
      firstPost ??= measured.post;
      rows.push(...measured.rows);
    } catch (error) {
      notes.push(
        `${size} events: not measured (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
  return {
    title: 'Scale (one incident of each size)',
    setup: [
      `Sizes: ${settings.sizes.join(', ')} events, appended straight to a fresh SQLite store (1,000 per append): statements, every 10th a source's revision, every 25th a retraction, every 7th report back-dated an hour.`,
      `Then \`${serviceCommand()}\` starts on that file with an empty read model. Catch-up: the timeline's latest revision polled every ${POLL_MS} ms; events per second applied between the first poll that sees a tenth of the story and the one that sees all of it (a story caught up between two polls: all its events over the time from the service answering, a lower bound).`,
      `GETs: the median of ${GETS} after one unmeasured. Time travel at mid-story (asOf at the middle event's recordedAt, revision the one after, reportedBy at the middle's world time): the first GET, which the server computes, and the median of ${GETS} more, which it may answer from the bytes it kept; these count the body's bytes to the last one without joining them. POST: ${POSTS} statements one after another, each after the last 201 (fsync + read-your-writes).`,
      'Baselines: the POST against the same figure at the smallest size; reads against a raw better-sqlite3 read and JSON.parse of the whole stream (catch-up: those events per second).',
    ],
    rows,
    notes,
  };
}
