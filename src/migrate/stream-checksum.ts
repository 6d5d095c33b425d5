import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import type { EventStore, StoredEvent } from '../event-store/event-store.js';

/** What a stream holds, independent of the store: count and a sha256 over its events in order. */
export interface StreamDigest {
  count: number;
  sha256: string;
}

/** Digest of events in stream order: ids, types, data and metadata (not positions, which differ). */
export function digestEvents(events: readonly StoredEvent[]): StreamDigest {
  const hash = createHash('sha256');
  for (const event of events) {
    hash.update(
      canonicalJson([event.revision, event.eventId, event.type, event.data, event.metadata]),
    );
    hash.update('\n');
  }
  return { count: events.length, sha256: hash.digest('hex') };
}

const PAGE = 1000;

/** Reads a whole stream page by page, so a long stream is never one giant read. */
export async function readWholeStream(store: EventStore, streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readStream(streamId, { from: events.length, limit: PAGE });
    events.push(...page);
    if (page.length < PAGE) return events;
  }
}

export interface StreamCheck {
  streamId: string;
  source: StreamDigest;
  target: StreamDigest;
  ok: boolean;
}

/** Compares every listed stream in both stores, event for event. */
export async function verifyStreams(
  from: EventStore,
  to: EventStore,
  streamIds: Iterable<string>,
): Promise<StreamCheck[]> {
  const checks: StreamCheck[] = [];
  for (const streamId of streamIds) {
    const source = digestEvents(await readWholeStream(from, streamId));
    const target = digestEvents(await readWholeStream(to, streamId));
    const ok = source.count === target.count && source.sha256 === target.sha256;
    checks.push({ streamId, source, target, ok });
  }
  return checks;
}
