import type { FeedClient, FeedSubscription } from '../../../feed/client/feed-client.js';
import { comparePosition, maxPosition } from '../../../feed/client/positions.js';
import type { IncidentView, TimelineEntry } from '../api/api-types.js';
import { ApiError, getTimelineAfter, getView } from '../api/http.js';

export interface LiveIncidentState {
  view?: IncidentView;
  /** Every timeline entry known, oldest first, one per revision. */
  timeline: TimelineEntry[];
  error?: string;
  notFound?: boolean;
  /** True while the feed subscription is acknowledged and the connection up. */
  live: boolean;
}

const MAX_TRIES = 40;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One incident kept current: the view and timeline from HTTP, refreshed whenever the feed says
 * the incident moved. Read models may trail the feed by a moment, so a refresh repeats (with a
 * short backoff) until the view reaches the feed's position. Entries are keyed by revision, so a
 * replayed event can never show twice.
 */
export class LiveIncident {
  private view: IncidentView | undefined;
  private readonly entries = new Map<number, TimelineEntry>();
  private error: string | undefined;
  private notFound = false;
  private live = false;
  private wanted: string | undefined;
  private refreshing = false;
  private stopped = false;
  private subscription: FeedSubscription | undefined;
  private starting = false;
  private readonly stopListening: () => void;

  constructor(
    private readonly feed: FeedClient,
    private readonly incidentId: string,
    private readonly onChange: (state: LiveIncidentState) => void,
  ) {
    // A first load that failed (service down) is tried again when the feed connects.
    this.stopListening = feed.onStatus((status) => {
      if (status === 'connected' && !this.subscription) void this.start();
      if (status !== 'connected' && this.live) {
        this.live = false;
        this.emit();
      }
    });
  }

  async start(): Promise<void> {
    if (this.starting || this.stopped || this.subscription) return;
    this.starting = true;
    try {
      await this.reload();
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      this.starting = false;
    }
    if (this.stopped || !this.view || this.subscription) return;
    this.subscription = this.feed.subscribe({
      incidentId: this.incidentId,
      after: this.view.position,
      onEvent: (event) => this.want(event.position),
      onSubscribed: () => {
        this.live = true;
        this.emit();
      },
      onReset: async () => {
        await this.reload();
        return this.view?.position;
      },
      onError: (error) =>
        this.fail(new ApiError(error.status, `live updates refused: ${error.message}`)),
    });
  }

  stop(): void {
    this.stopped = true;
    this.stopListening();
    this.subscription?.close();
  }

  private async reload(): Promise<void> {
    const view = await getView(this.incidentId);
    const timeline = await getTimelineAfter(this.incidentId);
    this.view = view;
    this.entries.clear();
    this.add(timeline);
    this.error = undefined;
    this.emit();
  }

  private want(position: string): void {
    this.wanted = maxPosition(this.wanted, position);
    void this.refresh();
  }

  private behind(): boolean {
    if (!this.view || !this.wanted) return true;
    return (
      comparePosition(this.view.position, this.wanted) < 0 ||
      this.lastRevision() < this.view.revision
    );
  }

  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      for (let tries = 0; !this.stopped && this.behind() && tries < MAX_TRIES; tries++) {
        if (tries > 0) await pause(Math.min(25 * 2 ** tries, 1000));
        const view = await getView(this.incidentId);
        if (!this.view || comparePosition(view.position, this.view.position) >= 0) this.view = view;
        const last = this.lastRevision();
        this.add(await getTimelineAfter(this.incidentId, last >= 0 ? last : undefined));
        this.error = undefined;
        this.emit();
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.refreshing = false;
    }
  }

  private lastRevision(): number {
    let last = -1;
    for (const revision of this.entries.keys()) last = Math.max(last, revision);
    return last;
  }

  private add(entries: readonly TimelineEntry[]): void {
    for (const entry of entries) this.entries.set(entry.revision, entry);
  }

  private fail(error: unknown): void {
    this.notFound = error instanceof ApiError && error.status === 404;
    this.error = error instanceof Error ? error.message : String(error);
    this.emit();
  }

  private emit(): void {
    if (this.stopped) return;
    const timeline = [...this.entries.values()].sort((a, b) => a.revision - b.revision);
    const { view, error, notFound, live } = this;
    this.onChange({ view, timeline, error, notFound, live });
  }
}
