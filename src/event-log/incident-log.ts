/**
 * GET /events?incidentId=: one incident's events after a position, read from its own stream
 * (in revision order, which is its position order), so the global log is not scanned. An
 * unknown incident has no events: an empty page whose `next` is `after`.
 */
import type { Response } from 'express';
import { comparePositions, type EventStore, type StoredEvent } from '../event-store/event-store.js';
import { streamIdOf } from '../incidents/domain/events.js';
import type { Envelope } from '../envelope/envelope.js';
import { toEnvelope } from '../envelope/to-envelope.js';

const CHUNK = 500;

async function* eventsAfter(
  store: EventStore,
  incidentId: string,
  after: string,
): AsyncGenerator<StoredEvent> {
  let from = 0;
  for (;;) {
    const chunk = await store.readStream(streamIdOf(incidentId), { from, limit: CHUNK });
    for (const event of chunk) if (comparePositions(event.position, after) > 0) yield event;
    const last = chunk.at(-1);
    if (chunk.length < CHUNK || !last) return;
    from = last.revision + 1;
  }
}

export async function incidentPage(
  store: EventStore,
  incidentId: string,
  after: string,
  limit: number,
): Promise<{ items: Envelope[]; next: string }> {
  const items: Envelope[] = [];
  let next = after;
  for await (const event of eventsAfter(store, incidentId, after)) {
    items.push(toEnvelope(event));
    next = event.position;
    if (items.length >= limit) break;
  }
  return { items, next };
}

/** The incident's events after `after`, one envelope per line, waiting when the client is slow. */
export async function streamIncidentNdjson(
  store: EventStore,
  res: Response,
  incidentId: string,
  after: string,
): Promise<void> {
  const head = await store.head();
  res.status(200).type('application/x-ndjson');
  res.flushHeaders();
  let gone = false;
  res.once('close', () => (gone = true));
  try {
    for await (const event of eventsAfter(store, incidentId, after)) {
      if (gone || comparePositions(event.position, head) > 0) break;
      if (!res.write(`${JSON.stringify(toEnvelope(event))}\n`)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : undefined);
  }
}
