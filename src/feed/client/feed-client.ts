import type { Socket } from 'socket.io-client';
import type {
  FeedEnvelope,
  FeedError,
  FeedReset,
  FeedStatus,
  SubscribeAck,
  SubscribeRequest,
} from './feed-types.js';
import { isPosition } from './positions.js';
import { PositionTracker, inScope, scopeKey } from './position-tracker.js';

export interface FeedSubscriptionOptions {
  /** One incident; every incident when absent. */
  incidentId?: string;
  /** Catch up from this position first (exclusive); live only when absent. */
  after?: string;
  /** Called once per event, in position order, never twice for one position. */
  onEvent: (event: FeedEnvelope) => void;
  /** The server dropped the subscription: rebuild state (refetch the view), return its position. */
  onReset?: (reset: FeedReset) => Promise<string | undefined> | string | undefined;
  /** A refused `subscribe` (bad input, unknown incident) or one that timed out. */
  onError?: (error: FeedError) => void;
  /** Every successful (re)subscription, with the store's head from the ack. */
  onSubscribed?: (head: string) => void;
}

export interface FeedSubscription {
  readonly incidentId: string | undefined;
  /** The last position applied by this subscription. */
  readonly lastPosition: string | undefined;
  /** Settles with the first subscribe's ack: the head, or the refusal. */
  readonly ready: Promise<string>;
  close(): void;
}

export interface FeedClientOptions {
  onStatus?: (status: FeedStatus) => void;
  /** How long to wait for a `subscribe` ack before retrying. Default 10 s. */
  ackTimeoutMs?: number;
}

interface Entry {
  options: FeedSubscriptionOptions;
  tracker: PositionTracker;
  /** True while the client rebuilds its state after a `reset`: events are held off. */
  resetting: boolean;
  /** Counts subscribe requests: only the latest one's answer counts. */
  attempt: number;
  /** The latest request was acknowledged; events before its ack belong to a replaced subscription. */
  acked: boolean;
  /** Wait before asking again after a 503 refusal (the feed is not connected to the store yet). */
  retryDelayMs: number;
  settle?: { resolve: (head: string) => void; reject: (error: FeedError) => void };
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * A feed client over one socket.io-client Socket (browser or Node): subscriptions with acks,
 * per-subscription positions, duplicate dropping, resume after reconnect, reset handling.
 */
export class FeedClient {
  private readonly entries = new Map<string, Entry>();
  private readonly statusListeners = new Set<(status: FeedStatus) => void>();
  private currentStatus: FeedStatus;
  private readonly ackTimeoutMs: number;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    options: FeedClientOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    if (options.onStatus) this.statusListeners.add(options.onStatus);
    this.currentStatus = socket.connected ? 'connected' : 'connecting';
    socket.on('connect', this.handleConnect);
    socket.on('disconnect', this.handleDisconnect);
    socket.on('connect_error', this.handleDisconnect);
    socket.on('event', this.handleEvent);
    socket.on('reset', this.handleReset);
    socket.io.on('reconnect_attempt', this.handleReconnectAttempt);
  }

  get status(): FeedStatus {
    return this.currentStatus;
  }

  /** Listens to connection status changes; returns the function that stops listening. */
  onStatus(listener: (status: FeedStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Subscribes (replacing an earlier subscription of the same scope) and keeps it alive. */
  subscribe(options: FeedSubscriptionOptions): FeedSubscription {
    if (options.after !== undefined && !isPosition(options.after)) {
      throw new TypeError(`not a position: ${String(options.after)}`);
    }
    const key = scopeKey(options.incidentId);
    // Events carry no subscription id, so one socket cannot tell an incident's catch-up copy from
    // the all-incidents live copy; overlapping scopes would drop events. Use a second socket.
    const overlapping = [...this.entries.keys()].some(
      (other) => other !== key && (inScope(other, options.incidentId ?? '') || inScope(key, other)),
    );
    if (overlapping) {
      throw new Error(
        'a FeedClient holds either one all-incidents subscription or incident subscriptions, not both; use another socket for the other scope',
      );
    }
    const entry: Entry = {
      options,
      tracker: new PositionTracker(options.after),
      resetting: false,
      attempt: 0,
      acked: false,
      retryDelayMs: FIRST_RETRY_MS,
    };
    const ready = new Promise<string>((resolve, reject) => {
      entry.settle = { resolve, reject };
    });
    // The caller may ignore `ready`; a refusal still reaches onError.
    ready.catch(() => undefined);
    this.entries.set(key, entry);
    if (this.socket.connected) this.send(key, entry);
    return {
      incidentId: options.incidentId,
      get lastPosition() {
        return entry.tracker.lastApplied;
      },
      ready,
      close: () => this.unsubscribe(key, entry),
    };
  }

  /** Stops every subscription and listener; the socket itself stays the caller's. */
  close(): void {
    this.closed = true;
    for (const [key, entry] of [...this.entries]) this.unsubscribe(key, entry);
    this.socket.off('connect', this.handleConnect);
    this.socket.off('disconnect', this.handleDisconnect);
    this.socket.off('connect_error', this.handleDisconnect);
    this.socket.off('event', this.handleEvent);
    this.socket.off('reset', this.handleReset);
    this.socket.io.off('reconnect_attempt', this.handleReconnectAttempt);
    this.statusListeners.clear();
  }

  private unsubscribe(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    if (this.socket.connected) {
      const payload = entry.options.incidentId ? { incidentId: entry.options.incidentId } : {};
      this.socket.emit('unsubscribe', payload, () => undefined);
    }
  }

  private send(key: string, entry: Entry): void {
    const request: SubscribeRequest = {};
    if (entry.options.incidentId !== undefined) request.incidentId = entry.options.incidentId;
    const after = entry.tracker.lastApplied;
    if (after !== undefined) request.after = after;
    const attempt = ++entry.attempt;
    entry.acked = false;
    // A callback, not a promise: it runs as the ack arrives, before the events that follow it.
    this.socket
      .timeout(this.ackTimeoutMs)
      .emit('subscribe', request, (error: Error | null, ack: SubscribeAck) => {
        if (entry.attempt !== attempt) return;
        if (error) this.retryAfterTimeout(key, entry);
        else this.settleAck(key, entry, ack, after === undefined);
      });
  }

  private settleAck(key: string, entry: Entry, ack: SubscribeAck, liveOnly: boolean): void {
    if (this.entries.get(key) !== entry) return;
    if (ack.ok) {
      entry.acked = true;
      entry.retryDelayMs = FIRST_RETRY_MS;
      if (liveOnly) entry.tracker.startAt(ack.head);
      entry.settle?.resolve(ack.head);
      entry.settle = undefined;
      entry.options.onSubscribed?.(ack.head);
      return;
    }
    if (ack.error.status === 503) {
      // The server is up but not yet connected to its store: ask again, with a capped backoff.
      entry.options.onError?.(ack.error);
      const attempt = entry.attempt;
      const delay = entry.retryDelayMs;
      entry.retryDelayMs = Math.min(delay * 2, MAX_RETRY_MS);
      setTimeout(() => {
        if (this.entries.get(key) === entry && entry.attempt === attempt && this.socket.connected) {
          this.send(key, entry);
        }
      }, delay);
      return;
    }
    entry.settle?.reject(ack.error);
    entry.settle = undefined;
    entry.options.onError?.(ack.error);
  }

  /** No ack in time: when still connected, ask again (a reconnect re-subscribes anyway). */
  private retryAfterTimeout(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry || !this.socket.connected) return;
    entry.options.onError?.({ status: 0, message: 'subscribe was not acknowledged in time' });
    this.send(key, entry);
  }

  private setStatus(status: FeedStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private readonly handleConnect = (): void => {
    this.setStatus('connected');
    // A new connection has no subscriptions on the server: resume each from its last position.
    for (const [key, entry] of this.entries) if (!entry.resetting) this.send(key, entry);
  };

  private readonly handleDisconnect = (): void => {
    this.setStatus('disconnected');
  };

  private readonly handleReconnectAttempt = (): void => {
    this.setStatus('connecting');
  };

  private readonly handleEvent = (event: FeedEnvelope): void => {
    if (this.closed || !isPosition(event?.position)) return;
    for (const [scope, entry] of this.entries) {
      if (entry.resetting || !entry.acked || !inScope(scope, event.incidentId)) continue;
      if (entry.tracker.accept(event.position)) entry.options.onEvent(event);
    }
  };

  private readonly handleReset = (reset: FeedReset): void => {
    const key = scopeKey(reset?.incidentId);
    const entry = this.entries.get(key);
    if (!entry || entry.resetting) return;
    entry.resetting = true;
    const rebuild = async (): Promise<string | undefined> =>
      entry.options.onReset ? await entry.options.onReset(reset) : entry.tracker.lastApplied;
    rebuild()
      .catch(() => entry.tracker.lastApplied)
      .then((position) => {
        entry.resetting = false;
        if (this.entries.get(key) !== entry) return;
        entry.tracker.restartFrom(isPosition(position) ? position : entry.tracker.lastApplied);
        if (this.socket.connected) this.send(key, entry);
      })
      .catch(() => undefined);
  };
}
