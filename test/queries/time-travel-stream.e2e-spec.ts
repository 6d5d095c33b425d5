import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { type IncidentEvent, streamIdOf } from '../../src/incidents/domain/events.js';
import { toRecordedEvent } from '../../src/incidents/domain/recorded.js';
import type { RecordedIncidentEvent } from '../../src/incidents/domain/state.js';
import { randomStory } from '../../src/incidents/domain/testing/random-story.js';
import { foldReportedBy, foldToRevision } from '../../src/incidents/domain/time-travel.js';
import { toIncidentView } from '../../src/incidents/domain/view.js';
import { worldTimeOf } from '../../src/incidents/domain/world-time.js';
import { SNAPSHOT_FROM_CLAIMS } from '../../src/incidents/queries/view-snapshot.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { seed } from '../projections/seed.js';
import { type Answer, answerOf, rawGet, send } from './raw-http.js';

/** An answer's body as text, decoded as its Content-Encoding says. */
function textOf(answer: Answer): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString();
  if (encoding === 'gzip') return gunzipSync(answer.body).toString();
  return answer.body.toString();
}

/** One recordedAt a second from 2017-05-18 on, so every asOf between two is a prefix. */
const recordedAt = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.parse('2017-05-18T00:00:00Z') + (from + i) * 1000).toISOString(),
  );

/**
 * Time travel in a big incident: the first answer streams from a read snapshot (chunked), the
 * second is made whole and kept (Content-Length), compressed ones are kept as soon as sent;
 * every one is the very text a fold of the stream gives.
 */
describe('time travel of a big incident: streamed first, then kept', () => {
  let booted: BootedApp;
  let events: RecordedIncidentEvent[];
  const id = 'travel-stream';
  const view = `/incidents/${id}`;

  const recorded = async (incidentId: string) =>
    (await booted.app.get<EventStore>(EVENT_STORE).readStream(streamIdOf(incidentId))).map(
      toRecordedEvent,
    );

  beforeAll(async () => {
    booted = await bootApp();
    const story = randomStory({ seed: 31, events: 6000, incidentId: id });
    await seed(booted.app, id, story, { recordedAt: recordedAt(story.length) });
    events = await recorded(id);
  });
  afterAll(async () => {
    await booted.close();
  });

  test('revision, asOf and reportedBy: the fold’s text whichever way it is sent', async () => {
    const claimsNow = toIncidentView(foldToRevision(events, events.length - 1)!).claims.length;
    expect(claimsNow).toBeGreaterThanOrEqual(SNAPSHOT_FROM_CLAIMS);
    const mid = Math.floor(events.length * 0.6);
    const said = worldTimeOf(events[mid]) ?? events[mid].recordedAt;
    const reportedBy = foldReportedBy(events, said)!;
    const asks = [
      {
        query: `?revision=${mid}`,
        text: JSON.stringify(toIncidentView(foldToRevision(events, mid)!)),
      },
      {
        query: `?asOf=${events[mid + 1].recordedAt}`,
        text: JSON.stringify(toIncidentView(foldToRevision(events, mid + 1)!)),
      },
      {
        query: `?reportedBy=${said}`,
        text: JSON.stringify({
          ...toIncidentView(reportedBy),
          basis: { reportedBy: new Date(Date.parse(said)).toISOString() },
        }),
      },
    ];
    for (const { query, text } of asks) {
      const streamed = await rawGet(`${booted.url}${view}${query}`);
      expect(streamed.status).toBe(200);
      expect(streamed.headers['transfer-encoding']).toBe('chunked');
      expect(streamed.body.toString() === text).toBe(true);
      const made = await rawGet(`${booted.url}${view}${query}`);
      expect(Number(made.headers['content-length'])).toBe(Buffer.byteLength(text));
      expect(made.body.toString() === text).toBe(true);
      expect(made.headers.etag).toBe(streamed.headers.etag);
      const kept = await rawGet(`${booted.url}${view}${query}`);
      expect(kept.body.equals(made.body)).toBe(true);
      const unchanged = await rawGet(`${booted.url}${view}${query}`, {
        'if-none-match': streamed.headers.etag ?? '',
      });
      expect(unchanged.status).toBe(304);
    }
    // compressed, never asked before: streamed through the compressor, then its bytes kept
    for (const encoding of ['br', 'gzip']) {
      const query = `?revision=${mid - 100}`;
      const text = JSON.stringify(toIncidentView(foldToRevision(events, mid - 100)!));
      const first = await rawGet(`${booted.url}${view}${query}`, { 'accept-encoding': encoding });
      expect(first.headers['content-encoding']).toBe(encoding);
      expect(first.headers['transfer-encoding']).toBe('chunked');
      expect(textOf(first) === text).toBe(true);
      const again = await rawGet(`${booted.url}${view}${query}`, { 'accept-encoding': encoding });
      expect(again.body.equals(first.body)).toBe(true);
      expect(Number(again.headers['content-length'])).toBe(first.body.length);
    }
    const head = await send(`${booted.url}${view}?revision=${mid - 200}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  test('a streamed answer is the revision it began at, though a write changes its claims meanwhile', async () => {
    const big = 'travel-stream-written';
    // ~10 MB: more than the socket buffers hold, so the answer waits on the paused reader
    const long = (i: number) =>
      `Statement ${i}: ${'a convoy was seen on the coast road; '.repeat(120)}`;
    const story: IncidentEvent[] = [
      { type: 'IncidentOpened', data: { incidentId: big, title: 'Big' } },
      ...Array.from({ length: SNAPSHOT_FROM_CLAIMS + 200 }, (_, i) => ({
        type: 'StatementReported' as const,
        data: {
          claimId: `c-${i}`,
          text: long(i),
          quoted: 'paraphrase' as const,
          attribution: [{ name: 'Reuters', kind: 'wire' as const }],
          reportedAt: recordedAt(1, i)[0],
        },
      })),
    ];
    await seed(booted.app, big, story, { recordedAt: recordedAt(story.length) });
    const at = story.length - 1;
    const before = JSON.stringify(toIncidentView(foldToRevision(await recorded(big), at)!));
    // the first claim, unchanged until now, is revised while the answer at `at` streams
    const revised: IncidentEvent = {
      type: 'ClaimRevisedBySource',
      data: {
        claimId: 'c-0',
        text: 'Revised while the answer streams.',
        attribution: [{ name: 'Reuters', kind: 'wire' }],
        reportedAt: recordedAt(1, story.length)[0],
      },
    };
    const answer = await new Promise<Answer>((resolve, reject) => {
      httpRequest(`${booted.url}/incidents/${big}?revision=${at}`, (res) => {
        res.pause();
        void seed(booted.app, big, [revised], { recordedAt: recordedAt(1, story.length) }).then(
          () => {
            answerOf(res).then(resolve, reject);
            res.resume();
          },
          reject,
        );
      })
        .on('error', reject)
        .end();
    });
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    expect(answer.body.toString() === before).toBe(true);
    // the same view, made whole from rows where that claim changed after `at`; and concurrent
    // first asks of another revision: one streams, the other is made whole, both the same
    const again = await rawGet(`${booted.url}/incidents/${big}?revision=${at}`);
    expect(again.body.toString() === before).toBe(true);
    const earlier = JSON.stringify(toIncidentView(foldToRevision(await recorded(big), at - 1)!));
    const both = await Promise.all([
      rawGet(`${booted.url}/incidents/${big}?revision=${at - 1}`),
      rawGet(`${booted.url}/incidents/${big}?revision=${at - 1}`),
    ]);
    for (const one of both) expect(one.body.toString() === earlier).toBe(true);
  });
});
