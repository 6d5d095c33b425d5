import type { Namespace, Socket } from 'socket.io';
import type { Principal } from '../auth/principal.js';
import type { FeedEnvelope, FeedReset, SubscribeAck } from './client/feed-types.js';

/** What the server sends on /feed (API.md "The live feed"). */
export interface FeedServerEvents {
  event: (envelope: FeedEnvelope) => void;
  reset: (reset: FeedReset) => void;
}

/** What clients send; payloads are untrusted until validated. */
export interface FeedClientEvents {
  subscribe: (request: unknown, ack?: (ack: SubscribeAck) => void) => void;
  unsubscribe: (request: unknown, ack?: (ack: { ok: true }) => void) => void;
}

/** Per-connection data: the token's principal when one was given. */
export interface FeedSocketData {
  principal?: Principal;
}

export type FeedSocket = Socket<FeedClientEvents, FeedServerEvents, never, FeedSocketData>;
export type FeedNamespace = Namespace<FeedClientEvents, FeedServerEvents, never, FeedSocketData>;
