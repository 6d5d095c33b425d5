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
  private readonly folds = new Map<string, IncidentFold>();

  constructor(private readonly max = MAX_FOLDS) {}

  get(incidentId: string): IncidentFold | undefined {
    const fold = this.folds.get(incidentId);
    if (fold) {
      this.folds.delete(incidentId);
      this.folds.set(incidentId, fold);
    }
    return fold;
  }

  /** Keeps `fold` unless the one kept is further on (a fold only moves forwards); whether kept. */
  offer(incidentId: string, fold: IncidentFold): boolean {
    const kept = this.folds.get(incidentId);
    if (kept && kept !== fold && kept.revision > fold.revision) return false;
    this.folds.delete(incidentId);
    this.folds.set(incidentId, fold);
    while (this.folds.size > this.max) {
      const oldest = this.folds.keys().next();
      if (oldest.done) break;
      this.folds.delete(oldest.value);
    }
    return true;
  }

  /** Forgets `fold` (e.g. it went ahead of rows that were rolled back), if it is the one kept. */
  drop(incidentId: string, fold: IncidentFold): void {
    if (this.folds.get(incidentId) === fold) this.folds.delete(incidentId);
  }
}
