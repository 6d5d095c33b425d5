import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store.js';
import { toEnvelope } from '../../src/envelope/to-envelope.js';
import type { FeedEnvelope } from '../../src/feed/client/feed-types.js';
import { streamIdOf } from '../../src/incidents/domain/events.js';
import { auth } from '../support/boot.js';

export interface WriteResult {
  incidentId: string;
  revision: number;
  position: string;
}

export { openIncident } from '../support/http-writes.js';

/** Records a statement through the real HTTP write path. */
export async function reportStatement(
  url: string,
  incidentId: string,
  text: string,
): Promise<WriteResult> {
  const res = await request(url)
    .post(`/incidents/${incidentId}/statements`)
    .set(auth('reporter'))
    .send({
      text,
      attribution: [{ name: 'Reuters', kind: 'wire' }],
      reportedAt: '2017-05-18T19:05:00Z',
    });
  if (res.status !== 201) throw new Error(`statement ${incidentId}: ${res.status} ${res.text}`);
  return res.body as WriteResult;
}

/**
 * Appends events straight to the store: bulk, oversized load the HTTP API could not write fast
 * enough. Their type is not a domain event type, so the projections skip them; the feed does not.
 */
export async function appendRaw(
  store: EventStore,
  incidentId: string,
  count: number,
  data: (i: number) => unknown,
): Promise<string> {
  const existing = await store.readStream(streamIdOf(incidentId), { limit: 1 });
  const events = Array.from({ length: count }, (_, i) => ({
    eventId: randomUUID(),
    type: existing.length === 0 && i === 0 ? 'IncidentOpened' : 'FeedLoadTest',
    data: existing.length === 0 && i === 0 ? { incidentId, title: incidentId } : data(i),
    metadata: {
      recordedAt: new Date().toISOString(),
      recordedBy: 'test',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  }));
  const result = await store.append(streamIdOf(incidentId), events, { expectedRevision: 'any' });
  return result.position;
}

/** The envelopes the store holds for one incident, or for every incident, after a position. */
export async function storedEnvelopes(
  store: EventStore,
  incidentId?: string,
  after = '0',
): Promise<FeedEnvelope[]> {
  const all: StoredEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ after: cursor, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) break;
    cursor = page[page.length - 1].position;
  }
  return all
    .filter((e) => (incidentId ? e.streamId === streamIdOf(incidentId) : true))
    .map(toEnvelope);
}

/**
 * Writers appending statements over HTTP in the background, `concurrency` at a time; tests await
 * their progress (`reached`) instead of sleeping.
 */
export class BackgroundWriter {
  private count = 0;
  private waiters: { count: number; resolve: () => void }[] = [];
  readonly done: Promise<WriteResult[]>;

  constructor(url: string, incidentIds: readonly string[], total: number, concurrency = 3) {
    const results: WriteResult[] = [];
    let next = 0;
    const lane = async () => {
      while (next < total) {
        const i = next++;
        const incidentId = incidentIds[i % incidentIds.length];
        results.push(await reportStatement(url, incidentId, `background statement ${i}`));
        this.count += 1;
        this.settle();
      }
    };
    this.done = Promise.all(Array.from({ length: concurrency }, lane)).then(() => results);
  }

  get written(): number {
    return this.count;
  }

  /** Settles once `count` writes have been acknowledged. */
  reached(count: number): Promise<void> {
    if (this.count >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private settle(): void {
    const ready = this.waiters.filter((w) => this.count >= w.count);
    this.waiters = this.waiters.filter((w) => this.count < w.count);
    for (const waiter of ready) waiter.resolve();
  }
}
