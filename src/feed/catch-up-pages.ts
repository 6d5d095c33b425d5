import type { EventStore, StoredEvent } from '../event-store/event-store.js';
import { toEnvelope } from '../envelope/to-envelope.js';
import { INCIDENT_STREAM_PREFIX } from '../incidents/domain/events.js';
import type { FeedEnvelope } from './client/feed-types.js';

/** One page of history: its events, how far into the log it read, and whether it hit the end. */
export interface CatchUpPage {
  events: FeedEnvelope[];
  /** The position of the last event read (what the next page starts after). */
  cursor: bigint;
  end: boolean;
}

export interface CatchUpPages {
  next(): Promise<CatchUpPage>;
}

/** Every incident: the global log after a position, page by page, other streams skipped. */
export class LogPages implements CatchUpPages {
  private cursor: string;

  constructor(
    private readonly store: EventStore,
    after: string,
    private readonly size: number,
  ) {
    this.cursor = after;
  }

  async next(): Promise<CatchUpPage> {
    const read = await this.store.readAll({ after: this.cursor, limit: this.size });
    if (read.length > 0) this.cursor = read[read.length - 1].position;
    return {
      events: read.filter((e) => e.streamId.startsWith(INCIDENT_STREAM_PREFIX)).map(toEnvelope),
      cursor: BigInt(this.cursor),
      end: read.length < this.size,
    };
  }
}

/**
 * One incident: its stream from the first event after a position. Positions grow with revisions,
 * so that first revision is found by binary search instead of reading the stream from its start.
 */
export class StreamPages implements CatchUpPages {
  private from: number | undefined;
  private cursor: bigint;

  constructor(
    private readonly store: EventStore,
    private readonly streamId: string,
    after: string,
    private readonly size: number,
    /** The stream's last event when the subscription started. */
    private readonly lastEvent: StoredEvent,
  ) {
    this.cursor = BigInt(after);
  }

  async next(): Promise<CatchUpPage> {
    this.from ??= await this.firstRevisionAfter(this.cursor);
    const read = await this.store.readStream(this.streamId, { from: this.from, limit: this.size });
    this.from += read.length;
    if (read.length > 0) this.cursor = BigInt(read[read.length - 1].position);
    return { events: read.map(toEnvelope), cursor: this.cursor, end: read.length < this.size };
  }

  private async firstRevisionAfter(after: bigint): Promise<number> {
    if (after === 0n) return 0;
    let low = 0;
    let high = this.lastEvent.revision + 1;
    if (BigInt(this.lastEvent.position) <= after) return high;
    // invariant: the answer is in [low, high]
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const [event] = await this.store.readStream(this.streamId, { from: middle, limit: 1 });
      if (!event || BigInt(event.position) > after) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
