import type { EventStore, NewEvent, StoredEvent } from '../event-store/event-store.js';
import { verifyStreams, type StreamCheck } from './stream-checksum.js';

export interface MigrationProgress {
  /** Events of the source log looked at so far. */
  processed: number;
  /** Events appended to the target by this run. */
  copied: number;
  /** Events the target already held (an earlier, interrupted run copied them). */
  skipped: number;
  /** How far through the source log, 0 to 1, measured by position (no count of the log needed). */
  fraction: number;
}

export interface MigrateOptions {
  onProgress?: (progress: MigrationProgress) => void;
  /** Stops between appends when aborted; the run can be resumed. */
  signal?: AbortSignal;
  /** Copies at most this many events, then stops as if interrupted. */
  maxEvents?: number;
  /** Events read from the source log at a time. */
  pageSize?: number;
}

export interface MigrationReport {
  /** False when the run stopped early (signal or maxEvents): nothing was verified. */
  complete: boolean;
  processed: number;
  copied: number;
  skipped: number;
  streams: number;
  /** One check per stream, when complete. */
  checks: StreamCheck[];
  mismatches: StreamCheck[];
}

/** The source and target disagree in a way copying cannot fix (e.g. a gap in the target). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const toNewEvent = ({ eventId, type, data, metadata }: StoredEvent): NewEvent => ({
  eventId,
  type,
  data,
  metadata,
});

/** Keeps one append well under KurrentDB's default 1 MB limit on an append. */
const MAX_BATCH_BYTES = 512 * 1024;

/**
 * Groups a page of the log by stream (streams in order of first appearance, events in log order),
 * so a page becomes a few appends rather than one per event; a group is split when it grows
 * past MAX_BATCH_BYTES of JSON.
 */
export function batchesByStream(
  events: readonly StoredEvent[],
  maxBytes = MAX_BATCH_BYTES,
): StoredEvent[][] {
  const byStream = new Map<string, { batches: StoredEvent[][]; bytes: number }>();
  for (const event of events) {
    const size = JSON.stringify([event.data, event.metadata]).length;
    const group = byStream.get(event.streamId);
    const last = group?.batches[group.batches.length - 1];
    if (group && last && group.bytes + size <= maxBytes) {
      last.push(event);
      group.bytes += size;
    } else if (group) {
      group.batches.push([event]);
      group.bytes = size;
    } else {
      byStream.set(event.streamId, { batches: [[event]], bytes: size });
    }
  }
  return [...byStream.values()].flatMap((group) => group.batches);
}

async function lastRevision(store: EventStore, streamId: string): Promise<number> {
  const [last] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
  return last?.revision ?? -1;
}

/**
 * Copies every stream of `from` into `to`, page by page of the source log, preserving event ids,
 * order within each stream, types, data and metadata, then verifies each stream's count and
 * checksum. (Positions are the target's own; across streams the order is kept page by page.)
 * Resumable: what the target already holds of a stream is skipped, the rest is appended with the
 * exact expected revision and the original event ids, so a repeated append is a no-op.
 */
export async function migrateLog(
  from: EventStore,
  to: EventStore,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const { onProgress, signal, maxEvents = Infinity, pageSize = 500 } = options;
  const head = BigInt(await from.head());
  const held = new Map<string, number>();
  let processed = 0;
  let copied = 0;
  let skipped = 0;
  let complete = true;
  let reached = 0n;
  const report = (position: string) => {
    reached = BigInt(position) > reached ? BigInt(position) : reached;
    const fraction = head === 0n ? 1 : Math.min(1, Number((reached * 10_000n) / head) / 10_000);
    onProgress?.({ processed, copied, skipped, fraction });
  };

  copying: for (let after = '0'; ;) {
    const page = await from.readAll({ after, limit: pageSize });
    if (page.length === 0) break;
    for (const run of batchesByStream(page)) {
      const streamId = run[0].streamId;
      const have = held.get(streamId) ?? (await lastRevision(to, streamId));
      const fresh = run.filter((event) => event.revision > have);
      const budget = maxEvents - copied;
      if (signal?.aborted || (fresh.length > 0 && budget <= 0)) {
        complete = false;
        break copying;
      }
      if (fresh.length > 0 && fresh[0].revision !== have + 1) {
        throw new MigrationError(
          `stream ${streamId}: the target ends at revision ${have}, the source continues at ${fresh[0].revision}`,
        );
      }
      const batch = fresh.slice(0, budget);
      let now = have;
      if (batch.length > 0) {
        const expectedRevision = have === -1 ? 'no_stream' : have;
        now = (await to.append(streamId, batch.map(toNewEvent), { expectedRevision })).revision;
      }
      held.set(streamId, now);
      copied += batch.length;
      skipped += run.length - fresh.length;
      processed += run.length - fresh.length + batch.length;
      report(
        batch.length < fresh.length
          ? batch[batch.length - 1].position
          : run[run.length - 1].position,
      );
      if (batch.length < fresh.length) {
        complete = false;
        break copying;
      }
    }
    after = page[page.length - 1].position;
  }

  const base = { complete, processed, copied, skipped, streams: held.size };
  if (!complete) return { ...base, checks: [], mismatches: [] };
  const checks = await verifyStreams(from, to, held.keys());
  return { ...base, checks, mismatches: checks.filter((check) => !check.ok) };
}
