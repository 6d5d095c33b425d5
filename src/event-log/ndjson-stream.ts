import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { comparePositions, type EventStore } from '../event-store/event-store.js';
import { incidentIdOf } from '../incidents/domain/events.js';
import { toEnvelope } from '../envelope/to-envelope.js';

const PAGE = 500;
const logger = new Logger('events');

/** Resolves when the socket can take more, or when the client has gone. */
function writable(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Streams every incident event after `after` up to the head as it was when the request came,
 * one envelope per line, page by page, waiting for 'drain' when the client reads slowly.
 */
export async function streamNdjson(store: EventStore, res: Response, after: string): Promise<void> {
  const head = await store.head();
  res.status(200).type('application/x-ndjson');
  res.flushHeaders();
  let gone = false;
  res.once('close', () => (gone = true));
  let from = after;
  try {
    while (!gone && comparePositions(from, head) < 0) {
      const page = await store.readAll({ after: from, limit: PAGE });
      if (page.length === 0) break;
      for (const stored of page) {
        if (comparePositions(stored.position, head) > 0 || gone) break;
        from = stored.position;
        if (incidentIdOf(stored.streamId) === null) continue;
        if (!res.write(`${JSON.stringify(toEnvelope(stored))}\n`)) await writable(res);
      }
      if (comparePositions(page[page.length - 1].position, head) >= 0) break;
    }
    res.end();
  } catch (error) {
    // the status is sent: cut the stream so the client cannot take it for complete
    logger.error(`NDJSON stream failed after ${from}: ${String(error)}`);
    res.destroy(error instanceof Error ? error : undefined);
  }
}
