import type { Logger } from '@nestjs/common';
import type { EventStore } from '../event-store/event-store.js';
import type { FeedHub } from './feed-hub.js';
import type { FeedLimits } from './feed-limits.js';
import type { FeedOutlet } from './feed-outlet.js';
import { FeedRefusal } from './feed-refusal.js';
import { SocketSubscription } from './socket-subscription.js';

export interface ConnectionDeps {
  store: EventStore;
  hub: FeedHub;
  outlet: FeedOutlet;
  limits: FeedLimits;
  logger?: Logger;
}

export interface SubscribeRequest {
  incidentId?: string;
  after?: string;
}

const ALL = '*';

/**
 * One connection's subscriptions, one per scope. Requests are handled strictly in arrival order
 * (a promise chain), so "subscribe, then unsubscribe" never ends subscribed.
 */
export class FeedConnection {
  private readonly subscriptions = new Map<string, SocketSubscription>();
  private turn: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: ConnectionDeps) {}

  /** How many subscriptions are open (for tests and limits). */
  get size(): number {
    return this.subscriptions.size;
  }

  /**
   * Subscribes, replacing this scope's earlier subscription. `onOpen` gets the head before any
   * event of the new subscription is sent (the gateway acks there); refusals reject.
   */
  subscribe(request: SubscribeRequest, onOpen: (head: string) => void): Promise<void> {
    return this.inTurn(async () => {
      const key = request.incidentId ?? ALL;
      this.subscriptions.get(key)?.close();
      if (this.subscriptions.size >= this.deps.limits.maxSubscriptions) {
        const max = this.deps.limits.maxSubscriptions;
        throw new FeedRefusal(429, `at most ${max} subscriptions per connection`);
      }
      const subscription = new SocketSubscription(request.incidentId, request.after, {
        ...this.deps,
        onClosed: (closed) => {
          if (this.subscriptions.get(key) === closed) this.subscriptions.delete(key);
        },
      });
      this.subscriptions.set(key, subscription);
      const head = await subscription.open();
      if (this.closed) return;
      if (subscription.closed) throw new FeedRefusal(503, 'the subscription was dropped; retry');
      onOpen(head);
      subscription.run(head).catch((error: unknown) => {
        this.deps.logger?.error({ msg: 'feed subscription failed', error: String(error) });
      });
    });
  }

  unsubscribe(incidentId: string | undefined): Promise<void> {
    return this.inTurn(() => {
      this.subscriptions.get(incidentId ?? ALL)?.close();
      return Promise.resolve();
    });
  }

  /** The connection is gone: stop every subscription. */
  close(): void {
    this.closed = true;
    for (const subscription of [...this.subscriptions.values()]) subscription.close();
  }

  private inTurn(step: () => Promise<void>): Promise<void> {
    const result = this.turn.then(() => {
      if (this.closed) return;
      return step();
    });
    this.turn = result.catch(() => undefined);
    return result;
  }
}
