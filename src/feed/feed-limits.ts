/**
 * The live feed's limits, chosen so one process serves many dashboards and no client can make it
 * hold unbounded memory. The README's "Live feed" section documents the same numbers.
 */
export interface FeedLimits {
  /** Events read from the store per catch-up page, and queued events sent per drain step. */
  pageSize: number;
  /**
   * Packets one connection may have waiting in Socket.IO's write buffer (not yet handed to the
   * network). Past it, each live subscription on that connection gets `reset` at its next event.
   * Memory per connection stays under about twice this (the buffer plus one batch in flight).
   */
  maxPendingPackets: number;
  /** Live events one subscription may queue while it is still catching up; past it, `reset`. */
  maxQueuedEvents: number;
  /** Subscriptions (scopes) one connection may hold at once. */
  maxSubscriptions: number;
  /** The hub lets sockets write after dispatching this many events in a row. */
  dispatchBurst: number;
}

export const FEED_LIMITS: FeedLimits = {
  pageSize: 200,
  maxPendingPackets: 1000,
  maxQueuedEvents: 1000,
  maxSubscriptions: 50,
  dispatchBurst: 64,
};

/**
 * Socket.IO server options. A dead or unreading client is dropped after at most
 * pingInterval + pingTimeout (30 s); client messages are tiny, so 16 kB is plenty.
 */
export const FEED_SERVER_OPTIONS = {
  pingInterval: 20_000,
  pingTimeout: 10_000,
  maxHttpBufferSize: 16 * 1024,
  // no connectionStateRecovery: positions are the resume mechanism, and they survive restarts
} as const;
