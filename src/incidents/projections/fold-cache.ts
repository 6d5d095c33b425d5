import type { IncidentFold } from '../domain/incident-fold.js';
import type { CasualtyTotals } from './casualty-totals.js';

/** What the writer keeps of one incident: its fold and, once needed, its casualty totals. */
export interface CachedIncident {
  fold: IncidentFold;
  totals?: CasualtyTotals;
}

/** Incidents the writer keeps folded; beyond this the least recently used one is dropped. */
export const MAX_CACHED_FOLDS = 256;

/** The projection writer's in-memory folds by incident id, least recently used first out. */
export class FoldCache {
  private readonly folds = new Map<string, CachedIncident>();

  constructor(private readonly max = MAX_CACHED_FOLDS) {}

  get(incidentId: string): CachedIncident | undefined {
    const fold = this.folds.get(incidentId);
    if (fold) {
      this.folds.delete(incidentId);
      this.folds.set(incidentId, fold);
    }
    return fold;
  }

  set(incidentId: string, fold: CachedIncident): void {
    this.folds.delete(incidentId);
    this.folds.set(incidentId, fold);
    while (this.folds.size > this.max) {
      const oldest = this.folds.keys().next();
      if (oldest.done) break;
      this.folds.delete(oldest.value);
    }
  }

  delete(incidentId: string): void {
    this.folds.delete(incidentId);
  }
}
