import { Logger, type LoggerService } from '@nestjs/common';
import { sleepUnlessAborted } from '../common/retry/backoff.js';
import type { EventStore, Subscription } from '../event-store/event-store.js';
import { toEnvelope } from '../envelope/to-envelope.js';
import { INCIDENT_STREAM_PREFIX } from '../incidents/domain/events.js';
import type { FeedEnvelope } from './client/feed-types.js';
import { type FeedFanOut, ONE_BY_ONE } from './feed-fan-out.js';
import { FEED_LIMITS, type FeedLimits } from './feed-limits.js';
import type { FeedOutlet } from './feed-outlet.js';

/** Receives live events; must not block (it queues, drops, or asks for the event to be sent). */
export interface FeedListener {
  /**
   * Takes one live event. Returns the outlet the event is to be sent on, which the hub does once
   * per outlet for all listeners together; returns nothing when the listener kept or dropped it.
   */
  deliver(envelope: FeedEnvelope): FeedOutlet | undefined | void;
}

/** The feed retries the store at a steady pace (it has no backlog to protect). */
const RETRY_MS = 1000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The process's one store subscription, fanned out to every socket: listeners per incident and
 * for every incident. It starts at the store's head and keeps the position of the last event it
 * dispatched, so a subscriber that registers now knows every later event will reach it.
 */
export class FeedHub {
  private readonly byIncident = new Map<string, Set<FeedListener>>();
  private readonly everyIncident = new Set<FeedListener>();
  private last = '0';
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly stopping = new AbortController();
  private known = false;
  private becameReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.becameReady = resolve));
  private fanOut: FeedFanOut = ONE_BY_ONE;

  constructor(
    private readonly store: EventStore,
    private readonly limits: FeedLimits = FEED_LIMITS,
    private readonly logger: LoggerService = new Logger('feed'),
  ) {}

  /** The last dispatched position: every event after it is yet to be dispatched. */
  get position(): string {
    return this.last;
  }

  /** Live listeners, for health and tests. */
  get listenerCount(): number {
    let count = this.everyIncident.size;
    for (const set of this.byIncident.values()) count += set.size;
    return count;
  }

  /** Whether the hub knows where the log stands; until then no subscription can be handed over. */
  get ready(): boolean {
    return this.known;
  }

  /**
   * Starts live from the store's head. A store that is down at start does not stop the process:
   * the hub keeps trying in the background and subscriptions are refused (503) until it is ready.
   */
  async start(): Promise<void> {
    if (this.running) return;
    try {
      await this.learnHead();
      this.running = this.run();
    } catch (error) {
      this.logger.error({ msg: 'feed cannot read the store yet; retrying', error: String(error) });
      this.running = this.pause().then(() => this.run());
    }
  }

  /** Resolves once the hub knows the head and follows the log. */
  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  private async learnHead(): Promise<void> {
    this.last = await this.store.head();
    this.known = true;
    this.becameReady();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await this.subscription?.close();
    await this.running;
  }

  /** Sends each live event through `fanOut` (the socket server's broadcast, once it exists). */
  useFanOut(fanOut: FeedFanOut): void {
    this.fanOut = fanOut;
  }

  /** Registers a listener for one incident, or for every incident when `incidentId` is absent. */
  add(incidentId: string | undefined, listener: FeedListener): void {
    if (incidentId === undefined) {
      this.everyIncident.add(listener);
      return;
    }
    const set = this.byIncident.get(incidentId) ?? new Set<FeedListener>();
    set.add(listener);
    this.byIncident.set(incidentId, set);
  }

  remove(incidentId: string | undefined, listener: FeedListener): void {
    if (incidentId === undefined) {
      this.everyIncident.delete(listener);
      return;
    }
    const set = this.byIncident.get(incidentId);
    if (!set) return;
    set.delete(listener);
    if (set.size === 0) this.byIncident.delete(incidentId);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!this.known) await this.learnHead();
        await this.follow();
      } catch (error) {
        if (this.stopped) break;
        // resubscribing from the last dispatched position loses nothing
        this.logger.error({ msg: 'feed subscription failed; retrying', error: String(error) });
        await this.pause();
      }
    }
  }

  /** Waits before the next try; `stop()` cuts it short. */
  private pause(): Promise<void> {
    return sleepUnlessAborted(RETRY_MS, this.stopping.signal, { ref: false });
  }

  private async follow(): Promise<void> {
    const subscription = this.store.subscribe({
      after: this.last,
      streamPrefix: INCIDENT_STREAM_PREFIX,
    });
    this.subscription = subscription;
    let burst = 0;
    for await (const stored of subscription) {
      const envelope = toEnvelope(stored);
      this.last = stored.position;
      this.dispatch(envelope);
      // let sockets write between bursts, so a backlog does not pile up in healthy buffers
      if (++burst >= this.limits.dispatchBurst) {
        burst = 0;
        await nextTurn();
      }
    }
  }

  /**
   * Offers the event to every listener in scope, then sends it once to the outlets they returned:
   * a connection whose live subscriptions overlap (an incident and every incident) gets one copy.
   */
  private dispatch(envelope: FeedEnvelope): void {
    const outlets = new Set<FeedOutlet>();
    for (const listener of this.byIncident.get(envelope.incidentId) ?? []) {
      this.offer(listener, envelope, outlets);
    }
    for (const listener of this.everyIncident) this.offer(listener, envelope, outlets);
    if (outlets.size === 0) return;
    try {
      this.fanOut.send(envelope, outlets);
    } catch (error) {
      this.logger.error({ msg: 'feed fan-out failed', error: String(error) });
    }
  }

  /** One failing listener must not cost the others this event. */
  private offer(listener: FeedListener, envelope: FeedEnvelope, outlets: Set<FeedOutlet>): void {
    try {
      const outlet = listener.deliver(envelope);
      if (outlet) outlets.add(outlet);
    } catch (error) {
      this.logger.error({ msg: 'feed listener failed', error: String(error) });
    }
  }
}
