import type { EventStore } from '../../event-store/event-store.js';
import { streamIdOf } from '../domain/events.js';
import { IncidentFold } from '../domain/incident-fold.js';
import { toRecordedEvent } from '../domain/recorded.js';

/** Where one of an incident's events stands, and the claim it is about. */
export interface EventRef {
  revision: number;
  position: string;
  claimId?: string;
}

/**
 * An incident as the write path knows it: its fold (kept and moved on from load to load, never
 * copied) and every event id of its stream.
 */
export interface LoadedIncident {
  fold: IncidentFold;
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
    const fresh = await this.store.readStream(streamIdOf(incidentId), {
      from: cached ? cached.fold.revision + 1 : 0,
    });
    // another load of the incident may have moved it on meanwhile (the write path's loads of one
    // incident take turns, but others may not); one evicted meanwhile still goes on from `cached`
    const loaded = this.incidents.get(incidentId) ??
      cached ?? { fold: new IncidentFold(), events: new Map<string, EventRef>() };
    const { fold, events } = loaded;
    // a linear fold over the new events only (a cold load folds a whole, long stream once)
    for (const stored of fresh) {
      if (stored.revision <= fold.revision) continue;
      const recorded = toRecordedEvent(stored);
      fold.apply(recorded);
      const claimId = 'claimId' in recorded.data ? recorded.data.claimId : undefined;
      events.set(stored.eventId, {
        revision: stored.revision,
        position: stored.position,
        ...(claimId !== undefined && { claimId }),
      });
    }
    this.incidents.delete(incidentId);
    if (fold.revision >= 0) this.incidents.set(incidentId, loaded);
    if (this.incidents.size > MAX_INCIDENTS) {
      this.incidents.delete(this.incidents.keys().next().value as string);
    }
    return loaded;
  }
}
