import type { StoredEvent } from '../event-store.js';
import { type PageReader, PagedSubscription } from '../paged-subscription.js';
import type { WakeSignal } from '../wake-signal.js';
import type { EventTable } from './event-table.js';

/** Which events a subscription follows: one stream, a prefix of stream ids, or the whole log. */
export interface SubscriptionScope {
  streamId?: string;
  streamPrefix?: string;
}

/** How the table reads a scope's events after a position: the filter below, as a query. */
export function scopeReader(
  table: EventTable,
  { streamId, streamPrefix }: SubscriptionScope,
): (after: bigint, limit: number) => StoredEvent[] {
  if (streamId !== undefined)
    return (after, limit) => table.readStreamAfter(streamId, after, limit);
  if (streamPrefix) return (after, limit) => table.readPrefixAfter(streamPrefix, after, limit);
  return (after, limit) => table.readAll(after, limit);
}

function scopeFilter({ streamId, streamPrefix }: SubscriptionScope): (e: StoredEvent) => boolean {
  if (streamId !== undefined) return (event) => event.streamId === streamId;
  // as the table's query: the first code points of the id are the prefix's
  if (streamPrefix) return (event) => event.streamId.startsWith(streamPrefix);
  return () => true;
}

/** What one committed transaction inserted, and the log's head before it. */
export interface CommittedEvents {
  /** The log's head before the transaction's first insert; unknown when no one subscribed. */
  before: string | undefined;
  /** Every event it inserted, in position order. */
  events: readonly StoredEvent[];
}

/**
 * This process's subscriptions to the store. After a commit, each one that holds the log up to
 * the head before it is handed the committed events of its scope, so it need not read back (and
 * parse again) what the write path has just written; one that is behind or busy with a page
 * reads the table as before. The handed-over events are shared between subscribers: read-only.
 */
export class LocalSubscribers {
  private readonly scopes = new Map<PagedSubscription, (event: StoredEvent) => boolean>();

  constructor(private readonly signal: WakeSignal) {}

  get size(): number {
    return this.scopes.size;
  }

  /** A subscription to `scope` after `after`, reading its pages with `readPage`. */
  open(after: string, scope: SubscriptionScope, readPage: PageReader): PagedSubscription {
    const subscription = new PagedSubscription(readPage, this.signal, after, (closed) =>
      this.scopes.delete(closed),
    );
    this.scopes.set(subscription, scopeFilter(scope));
    return subscription;
  }

  all(): PagedSubscription[] {
    return [...this.scopes.keys()];
  }

  /** Hands `committed` to the subscribers, then wakes every waiting one. */
  committed(committed: CommittedEvents | undefined): void {
    const last = committed?.events.at(-1);
    if (committed?.before !== undefined && last) {
      // the generation the notify below brings
      const generation = this.signal.generation + 1;
      const before = committed.before;
      for (const [subscription, inScope] of this.scopes) {
        const events = committed.events.filter(inScope);
        subscription.handOver(before, last.position, events, generation);
      }
    }
    this.signal.notify();
  }
}
