import type { EventStore } from '../../event-store/event-store.js';
import { streamIdOf } from '../domain/events.js';
import { IncidentFold } from '../domain/incident-fold.js';
import { toRecordedEvent } from '../domain/recorded.js';
import type { IncidentState } from '../domain/state.js';

/** Where one of an incident's events stands, and the claim it is about. */
export interface EventRef {
  revision: number;
  position: string;
  claimId?: string;
}

/** An incident as the write path knows it: its state and every event id of its stream. */
export interface LoadedIncident {
  state: IncidentState | null;
  events: Map<string, EventRef>;
}

const MAX_INCIDENTS = 1000;

/**
 * The write path's folded incidents. Each load reads only the events after the cached revision,
 * so writes no longer re-read and re-fold a whole incident, and writes made elsewhere (another
 * instance on KurrentDB) are still seen. Bounded: the least recently used incident goes first.
 */
export class IncidentStateCache {
  private readonly incidents = new Map<string, LoadedIncident>();

  constructor(private readonly store: EventStore) {}

  async load(incidentId: string): Promise<LoadedIncident> {
    const cached = this.incidents.get(incidentId);
    const from = cached?.state ? cached.state.revision + 1 : 0;
    const fresh = await this.store.readStream(streamIdOf(incidentId), { from });
    const events = cached?.events ?? new Map<string, EventRef>();
    // one linear fold over the new events (a cold load may fold a whole, long stream)
    const fold = fresh.length > 0 ? IncidentFold.from(cached?.state ?? null) : undefined;
    for (const stored of fresh) {
      const recorded = toRecordedEvent(stored);
      fold?.apply(recorded);
      const claimId = 'claimId' in recorded.data ? recorded.data.claimId : undefined;
      events.set(stored.eventId, {
        revision: stored.revision,
        position: stored.position,
        ...(claimId !== undefined && { claimId }),
      });
    }
    const state = fold ? fold.state() : (cached?.state ?? null);
    const loaded = { state, events };
    this.incidents.delete(incidentId);
    if (state) this.incidents.set(incidentId, loaded);
    if (this.incidents.size > MAX_INCIDENTS) {
      this.incidents.delete(this.incidents.keys().next().value as string);
    }
    return loaded;
  }
}
