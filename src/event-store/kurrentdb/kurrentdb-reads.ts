import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type KurrentDBClient,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { InvalidStoreArgument, type ReadStreamOptions, type StoredEvent } from '../event-store.js';
import { toPortError } from './kurrentdb-errors.js';
import type { RawPage } from './fill-page.js';
import { toStoredEvent } from './kurrentdb-mapping.js';

/** Where read-your-writes matters (every read here), ask the leader, not a lagging follower. */
export const LEADER = { requiresLeader: true } as const;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Drains a client read into port events; a missing stream reads as empty. */
export async function collect(
  read: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>,
  streamId?: string,
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  try {
    for await (const resolved of read) {
      const event = toStoredEvent(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw toPortError(error, { streamId });
  }
  return events;
}

/** Drains one raw read of `$all`, keeping count of every record, storyline's or not. */
export async function collectAllPage(
  read: AsyncIterable<AllStreamResolvedEvent>,
): Promise<RawPage<StoredEvent>> {
  const events: StoredEvent[] = [];
  let records = 0;
  let lastPosition: string | undefined;
  try {
    for await (const resolved of read) {
      records += 1;
      const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
      if (commit !== undefined) lastPosition = commit.toString(10);
      const event = toStoredEvent(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    throw toPortError(error, {});
  }
  return { events, records, lastPosition };
}

/** Reads one stream with the port's options (from is inclusive, in either direction). */
export async function readStreamEvents(
  client: KurrentDBClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<StoredEvent[]> {
  const { from, direction = 'forwards', limit } = options;
  if (from !== undefined && !isCount(from)) throw new InvalidStoreArgument('from: a revision');
  if (limit !== undefined && !isCount(limit)) throw new InvalidStoreArgument('limit: a count');
  if (limit === 0) return [];
  const backwards = direction === 'backwards';
  const read = client.readStream(streamId, {
    ...LEADER,
    direction: backwards ? BACKWARDS : FORWARDS,
    fromRevision: from !== undefined ? BigInt(from) : backwards ? END : START,
    ...(limit !== undefined && { maxCount: limit }),
  });
  return collect(read, streamId);
}

/** Where an event already sits in its stream. */
export interface StoredPlace {
  revision: number;
  position: string;
}

/**
 * Finds which of `eventIds` the stream holds within one bounded read (`search`: where a retry's
 * events would be), stopping once all are found.
 */
export async function findStored(
  client: KurrentDBClient,
  streamId: string,
  eventIds: readonly string[],
  search: ReadStreamOptions,
): Promise<Map<string, StoredPlace>> {
  const wanted = new Set(eventIds);
  const found = new Map<string, StoredPlace>();
  for (const event of await readStreamEvents(client, streamId, search)) {
    if (!wanted.has(event.eventId)) continue;
    found.set(event.eventId, { revision: event.revision, position: event.position });
    if (found.size === wanted.size) break;
  }
  return found;
}

/** The position of the event at `revision` (appends are answered with it, exactly). */
export async function positionAt(
  client: KurrentDBClient,
  streamId: string,
  revision: number,
): Promise<string> {
  const [event] = await readStreamEvents(client, streamId, { from: revision, limit: 1 });
  if (!event) throw new Error(`stream ${streamId} has no event at revision ${revision}`);
  return event.position;
}
