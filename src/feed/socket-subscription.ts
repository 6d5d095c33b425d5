import { Logger } from '@nestjs/common';
import type { EventStore, StoredEvent } from '../event-store/event-store.js';
import { streamIdOf } from '../incidents/domain/events.js';
import type { FeedEnvelope } from './client/feed-types.js';
import { type CatchUpPages, LogPages, StreamPages } from './catch-up-pages.js';
import type { FeedHub, FeedListener } from './feed-hub.js';
import type { FeedLimits } from './feed-limits.js';
import type { FeedOutlet } from './feed-outlet.js';
import { FeedRefusal } from './feed-refusal.js';

export interface SubscriptionDeps {
  store: EventStore;
  hub: FeedHub;
  outlet: FeedOutlet;
  limits: FeedLimits;
  /** Called once when the subscription ends (unsubscribed, replaced, reset or disconnected). */
  onClosed: (subscription: SocketSubscription) => void;
  logger?: Logger;
}

type Phase = 'catching-up' | 'live' | 'closed';

/**
 * One socket's subscription to one scope. It registers with the hub first (live events queue
 * up), reads the history the client missed from the store in pages, drains the queue skipping
 * what it already sent, and goes live in the same synchronous step as the last drain: every
 * event of the scope after `after` is sent once, in position order.
 */
export class SocketSubscription implements FeedListener {
  private phase: Phase = 'catching-up';
  private queue: FeedEnvelope[] = [];
  private lastSent = 0n;
  /** The hub's position at registration: later events all reach the queue. */
  private registeredAt = 0n;
  private lastEvent: StoredEvent | undefined;

  constructor(
    readonly incidentId: string | undefined,
    private readonly after: string | undefined,
    private readonly deps: SubscriptionDeps,
  ) {}

  get closed(): boolean {
    return this.phase === 'closed';
  }

  get live(): boolean {
    return this.phase === 'live';
  }

  /** Registers for live events and returns the store's head; refuses an unknown incident. */
  async open(): Promise<string> {
    const { hub, store } = this.deps;
    if (!hub.ready)
      throw new FeedRefusal(503, 'the feed is not connected to the event store yet; retry');
    hub.add(this.incidentId, this);
    this.registeredAt = BigInt(hub.position);
    try {
      const head = await store.head();
      if (this.incidentId !== undefined) {
        const stream = streamIdOf(this.incidentId);
        [this.lastEvent] = await store.readStream(stream, { direction: 'backwards', limit: 1 });
        if (!this.lastEvent) throw new FeedRefusal(404, `incident ${this.incidentId} not found`);
      }
      return head;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Sends the missed history, then goes live. Call after `open`, once the ack is sent. */
  async run(head: string): Promise<void> {
    try {
      if (this.after === undefined) {
        this.lastSent = BigInt(head);
      } else if (BigInt(this.after) > BigInt(head)) {
        this.reset('the position is beyond the end of the log; refetch and subscribe again');
        return;
      } else {
        this.lastSent = BigInt(this.after);
        await this.catchUp(this.pages(this.after));
      }
      await this.drainQueue();
    } catch (error) {
      if (this.closed) return;
      this.deps.logger?.warn({ msg: 'feed catch-up failed', error: String(error) });
      this.reset('the feed could not read the log; subscribe again');
    }
  }

  /** Queues the event while catching up; live, returns the outlet for the hub to send it on. */
  deliver(envelope: FeedEnvelope): FeedOutlet | undefined {
    if (this.phase === 'catching-up') {
      if (this.queue.length >= this.deps.limits.maxQueuedEvents) this.trimQueue();
      if (this.queue.length >= this.deps.limits.maxQueuedEvents) {
        this.reset('fell too far behind while catching up');
      } else {
        this.queue.push(envelope);
      }
    } else if (this.phase === 'live') {
      if (this.deps.outlet.pending() >= this.deps.limits.maxPendingPackets) {
        this.reset('the connection fell too far behind');
      } else if (this.take(envelope)) {
        return this.deps.outlet;
      }
    }
    return undefined;
  }

  /** Ends the subscription without telling the client (it asked, or it is gone). */
  close(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.queue = [];
    this.deps.hub.remove(this.incidentId, this);
    this.deps.onClosed(this);
  }

  private reset(reason: string): void {
    if (this.phase === 'closed') return;
    this.close();
    this.deps.outlet.reset(
      this.incidentId === undefined ? { reason } : { incidentId: this.incidentId, reason },
    );
  }

  private pages(after: string): CatchUpPages {
    const { store, limits } = this.deps;
    if (this.incidentId === undefined) return new LogPages(store, after, limits.pageSize);
    const lastEvent = this.lastEvent as StoredEvent;
    return new StreamPages(store, streamIdOf(this.incidentId), after, limits.pageSize, lastEvent);
  }

  private async catchUp(pages: CatchUpPages): Promise<void> {
    // a connection that is not reading gets no history (replaced subscriptions pile none up)
    if (this.deps.outlet.pending() > 0) {
      await this.deps.outlet.drained();
      if (this.phase !== 'catching-up') return;
    }
    for (;;) {
      const page = await pages.next();
      if (this.phase !== 'catching-up') return;
      for (const envelope of page.events) this.send(envelope);
      this.trimQueue();
      // past the registration point, the queue holds everything that follows
      if (page.end || page.cursor >= this.registeredAt) return;
      await this.deps.outlet.drained();
      if (this.phase !== 'catching-up') return;
    }
  }

  /** Sends the queue in paced steps; the last step and going live happen without an await. */
  private async drainQueue(): Promise<void> {
    const { pageSize } = this.deps.limits;
    while (this.phase === 'catching-up') {
      this.trimQueue();
      if (this.queue.length <= pageSize) {
        const rest = this.queue;
        this.queue = [];
        for (const envelope of rest) this.send(envelope);
        this.phase = 'live';
        return;
      }
      for (const envelope of this.queue.splice(0, pageSize)) this.send(envelope);
      await this.deps.outlet.drained();
    }
  }

  /** Drops queued events the catch-up already sent. */
  private trimQueue(): void {
    let skip = 0;
    while (skip < this.queue.length && BigInt(this.queue[skip].position) <= this.lastSent) skip++;
    if (skip > 0) this.queue.splice(0, skip);
  }

  private send(envelope: FeedEnvelope): void {
    if (this.take(envelope)) this.deps.outlet.event(envelope);
  }

  /** Whether the event is still to be sent (then it counts as sent): once each, in order. */
  private take(envelope: FeedEnvelope): boolean {
    const position = BigInt(envelope.position);
    if (this.phase === 'closed' || position <= this.lastSent) return false;
    this.lastSent = position;
    return true;
  }
}
