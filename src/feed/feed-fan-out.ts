import type { FeedEnvelope } from './client/feed-types.js';
import type { FeedOutlet } from './feed-outlet.js';

/**
 * Sends one live event to every connection that takes it, as one operation: the hub collects the
 * outlets of the live subscriptions in scope (each connection once) and hands them over here.
 */
export interface FeedFanOut {
  send(envelope: FeedEnvelope, outlets: ReadonlySet<FeedOutlet>): void;
}

/** The fan-out with no shared transport: each outlet sends its own copy. */
export const ONE_BY_ONE: FeedFanOut = {
  send(envelope, outlets) {
    for (const outlet of outlets) outlet.event(envelope);
  },
};
