import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/event-store/event-store.js';
import { statementBody } from '../lib/bench-env.js';
import type { RawRow } from './raw-sqlite.js';

/** One single-event append: the statement the HTTP benches post, as the service stores it. */
export interface BenchAppend {
  streamId: string;
  event: NewEvent;
}

/** `count` appends spread round-robin over `streams` incident streams. */
export function benchAppends(count: number, streams: number): BenchAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    streamId: `incident-bench-${i % streams}`,
    event: {
      eventId: randomUUID(),
      type: 'StatementReported',
      data: {
        claimId: `c-${i.toString(16).padStart(16, '0')}`,
        ...statementBody(`Bench statement ${i}: a coalition strike was reported near the border.`),
        quoted: 'paraphrase',
      },
      metadata: {
        recordedAt: new Date().toISOString(),
        recordedBy: 'bench',
        correlationId: randomUUID(),
        causationId: null,
        schemaVersion: 1,
      },
    },
  }));
}

/** The same appends as rows for the raw floor, revisions counted per stream. */
export function toRawRows(appends: readonly BenchAppend[]): RawRow[] {
  const revisions = new Map<string, number>();
  return appends.map(({ streamId, event }) => {
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    return {
      streamId,
      revision,
      eventId: event.eventId,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
    };
  });
}
