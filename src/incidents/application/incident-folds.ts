import { LruMap } from '../../common/cache/lru-map.js';
import type { IncidentFold } from '../domain/incident-fold.js';

/** Incidents kept folded at once; beyond this the least recently used one goes first. */
const MAX_FOLDS = 1000;

/**
 * One fold per incident, shared by the write path and the projection writer, so a big incident
 * is held in memory once, not once by each. Every fold here is the fold of its stream's events
 * 0..revision, folded from events (never one rebuilt from read-model rows), so either side may
 * go on from it with the events after its revision: the write path with the ones it reads, the
 * projection with the ones it applies (inline, in the append's transaction). A side that cannot
 * use it at its revision keeps a fold of its own. Bounded: least recently used first out.
 */
export class IncidentFolds {
  private readonly folds: LruMap<string, IncidentFold>;

  constructor(max = MAX_FOLDS) {
    this.folds = new LruMap(max);
  }

  get(incidentId: string): IncidentFold | undefined {
    return this.folds.get(incidentId);
  }

  /** Keeps `fold` unless the one kept is further on (a fold only moves forwards); whether kept. */
  offer(incidentId: string, fold: IncidentFold): boolean {
    const kept = this.folds.peek(incidentId);
    if (kept && kept !== fold && kept.revision > fold.revision) return false;
    this.folds.set(incidentId, fold);
    return true;
  }

  /** Forgets `fold` (e.g. it went ahead of rows that were rolled back), if it is the one kept. */
  drop(incidentId: string, fold: IncidentFold): void {
    if (this.folds.peek(incidentId) === fold) this.folds.delete(incidentId);
  }
}
