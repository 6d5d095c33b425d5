/**
 * The wire shapes of the live feed (API.md "The live feed"), shared by the dashboard, scripts and
 * tests. No Node or DOM imports: this module runs in the browser and in Node.
 */

import type { Envelope } from '../../envelope/envelope.js';

/** One event as the feed sends it: the envelope GET /events sends too. */
export type FeedEnvelope = Envelope;

/** `subscribe` payload: one incident, or every incident when `incidentId` is absent. */
export interface SubscribeRequest {
  incidentId?: string;
  after?: string;
}

export interface FeedError {
  status: number;
  message: string;
}

/** The acknowledgement of `subscribe`. */
export type SubscribeAck = { ok: true; head: string } | { ok: false; error: FeedError };

/** The server dropped a subscription; the client refetches and subscribes again. */
export interface FeedReset {
  incidentId?: string;
  reason: string;
}

export type FeedStatus = 'connecting' | 'connected' | 'disconnected';
