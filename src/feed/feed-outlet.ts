import type { FeedEnvelope, FeedReset } from './client/feed-types.js';

/** Where one connection's subscriptions write: a Socket.IO socket in the app, a recorder in tests. */
export interface FeedOutlet {
  event(envelope: FeedEnvelope): void;
  reset(reset: FeedReset): void;
  /** Packets handed to the connection and not yet written to the network. */
  pending(): number;
  /** Settles once everything sent so far has been written out, or the connection closed. */
  drained(): Promise<void>;
}
