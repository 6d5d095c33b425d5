import { LruMap } from '../../common/cache/lru-map.js';
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
export class FoldCache extends LruMap<string, CachedIncident> {
  constructor(max = MAX_CACHED_FOLDS) {
    super(max);
  }
}
