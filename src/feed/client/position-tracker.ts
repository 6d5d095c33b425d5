import { isNewPosition, maxPosition } from './positions.js';

/** The scope key of a subscription: one incident's id, or every incident. */
export const ALL_INCIDENTS = '*';

export function scopeKey(incidentId: string | undefined): string {
  return incidentId ?? ALL_INCIDENTS;
}

/** True when an event of `incidentId` belongs to a subscription of scope `scope`. */
export function inScope(scope: string, incidentId: string): boolean {
  return scope === ALL_INCIDENTS || scope === incidentId;
}

/**
 * The last position a subscription applied: it drops duplicates (a position not after the last
 * applied one) and says where to resume after a reconnect. Pure, so it is unit-tested alone.
 */
export class PositionTracker {
  private last: string | undefined;

  constructor(initial?: string) {
    this.last = initial;
  }

  /** The last applied position, `undefined` when nothing was applied or known yet. */
  get lastApplied(): string | undefined {
    return this.last;
  }

  /** Accepts a new position (and advances) or refuses a duplicate or an older one. */
  accept(position: string): boolean {
    if (!isNewPosition(position, this.last)) return false;
    this.last = position;
    return true;
  }

  /**
   * A live-only subscription starts at the store's head from the ack: events up to it were never
   * meant for this client, so resuming from it misses nothing. Never moves backwards.
   */
  startAt(head: string): void {
    this.last = maxPosition(this.last, head);
  }

  /** After a reset the client rebuilt its state from a view at `position`: resume from there. */
  restartFrom(position: string | undefined): void {
    this.last = position;
  }
}
