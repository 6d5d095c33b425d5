import path from 'node:path';
import { cleanUp, progress, settings, statementBody, tempDir } from '../lib/bench-env.js';
import { row, type Row, type Section } from '../lib/report.js';
import { elapsedMs } from '../lib/stats.js';
import { startStoryline, type Storyline } from '../lib/storyline-service.js';
import { medianGet, timedGet } from '../lib/timed-get.js';
import { rawReadAndParse } from './raw-stream.js';
import { buildStory, type Story } from './scale-story.js';

const POSTS = 20;
const GETS = 5;
const CATCH_UP_TIMEOUT_MS = 90_000;
const POLL_MS = 25;

/** Waits until the read model holds revision `revision` of the story; when it saw it. */
async function projected(
  service: Storyline,
  story: Story,
  revision: number,
  since: bigint,
): Promise<bigint> {
  const probe = `${service.url}/incidents/${story.incidentId}/timeline?after=${revision - 1}&limit=1`;
  for (;;) {
    const answer = await timedGet(probe);
    if (
      answer.status === 200 &&
      (JSON.parse(answer.body.toString()) as { items: unknown[] }).items.length > 0
    )
      return process.hrtime.bigint();
    if (elapsedMs(since) > CATCH_UP_TIMEOUT_MS)
      throw new Error(
        `the read model did not reach revision ${revision} in ${CATCH_UP_TIMEOUT_MS} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Catch-up events/s between a tenth of the story and its end (the service's boot excluded). */
async function catchUpRate(service: Storyline, story: Story, since: bigint): Promise<number> {
  const from = Math.floor(story.events / 10);
  const tenth = await projected(service, story, from, since);
  const end = await projected(service, story, story.events - 1, since);
  return ((story.events - 1 - from) * 1000) / Math.max(elapsedMs(tenth, end), POLL_MS);
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
    const started = process.hrtime.bigint();
    const service = await startStoryline(dir);
    try {
      const catchUp = await catchUpRate(service, story, started);
      const view = `${service.url}/incidents/${story.incidentId}`;
      const plain = await medianGet(view, GETS);
      const gzip = await medianGet(view, GETS, { 'accept-encoding': 'gzip, br' });
      const asOf = await medianGet(`${view}?asOf=${story.midRecordedAt}`, GETS);
      const revision = await medianGet(`${view}?revision=${story.midRevision}`, GETS);
      const reportedBy = await medianGet(`${view}?reportedBy=${story.midReportedAt}`, GETS);
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
          row(`${label}: GET ?asOf= mid-story`, asOf.ms, 'ms', raw, 1),
          row(`${label}: GET ?revision= mid-story`, revision.ms, 'ms', raw, 1),
          row(`${label}: GET ?reportedBy= mid-story`, reportedBy.ms, 'ms', raw, 1),
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
      `Then \`node dist/main.js\` starts on that file with an empty read model. Catch-up: events per second from the moment a tenth of the story is in the timeline to the moment all of it is (polled every ${POLL_MS} ms, so small sizes are coarse).`,
      `GETs: the median of ${GETS} after one unmeasured; time travel at mid-story. POST: ${POSTS} statements one after another, each after the last 201 (fsync + read-your-writes).`,
      'Baselines: the POST against the same figure at the smallest size; reads against a raw better-sqlite3 read and JSON.parse of the whole stream (catch-up: those events per second).',
    ],
    rows,
    notes,
  };
}
