import { LruMap } from '../../common/cache/lru-map.js';
import type { EventStore, StoredEvent } from '../../event-store/event-store.js';
import { streamIdOf } from '../domain/events.js';
import { IncidentFold } from '../domain/incident-fold.js';
import { toRecordedEvent } from '../domain/recorded.js';
import { IncidentFolds } from './incident-folds.js';

/** Where one of an incident's events stands, and the claim it is about. */
export interface EventRef {
  revision: number;
  position: string;
  claimId?: string;
}

/** The revision of each event id of a stream, through `through`. */
interface KnownIds {
  through: number;
  revisions: Map<string, number>;
}

/**
 * An incident as the write path knows it: its fold (shared with the projection, moved on from
 * load to load, never copied), the revision of each of its event ids, and the events this load
 * read (the latest appended among them).
 */
export interface LoadedIncident {
  fold: IncidentFold;
  revisions: ReadonlyMap<string, number>;
  fresh: readonly StoredEvent[];
}

const MAX_INCIDENTS = 1000;

/** Events read at once by a load (a cold load of a long stream reads many such pages). */
export const LOAD_PAGE = 1000;

/** The ref of a stored event. */
export function eventRefOf(stored: StoredEvent): EventRef {
  const data = stored.data as { claimId?: unknown };
  return {
    revision: stored.revision,
    position: stored.position,
    ...(typeof data.claimId === 'string' && { claimId: data.claimId }),
  };
}

/**
 * The write path's folded incidents. Each load reads only the events after the kept revision,
 * so writes no longer re-read and re-fold a whole incident, and writes made elsewhere (another
 * instance on KurrentDB) are still seen. The folds are the shared `IncidentFolds` (the inline
 * projection may have moved one on already: its events are then only noted by id). Event ids
 * map to a revision only (a number, not a ref per event); `refOf` reads the rest back.
 * Bounded: the least recently used incident goes first.
 */
export class IncidentStateCache {
  private readonly known = new LruMap<string, KnownIds>(MAX_INCIDENTS);

  constructor(
    private readonly store: EventStore,
    private readonly folds = new IncidentFolds(),
  ) {}

  async load(incidentId: string): Promise<LoadedIncident> {
    let fold = this.folds.get(incidentId) ?? new IncidentFold();
    const known = this.known.get(incidentId) ?? { through: -1, revisions: new Map() };
    const streamId = streamIdOf(incidentId);
    const from = Math.min(fold.revision, known.through) + 1;
    let read = await this.foldPages(streamId, from, fold, known);
    if (fold.revision > read.through) {
      // the fold is ahead of what was read: moved on meanwhile, or folded (inline) by a commit
      // that then failed; only in the second case is the stream still behind it
      const more = await this.foldPages(streamId, read.through + 1, fold, known);
      if (more.last.length > 0) read = more;
      if (fold.revision > read.through) {
        this.folds.drop(incidentId, fold);
        fold = new IncidentFold();
        read = await this.foldPages(streamId, 0, fold, known);
      }
    }
    if (fold.revision >= 0) this.folds.offer(incidentId, fold);
    if (known.through >= 0) this.known.set(incidentId, known);
    else this.known.delete(incidentId);
    return { fold, revisions: known.revisions, fresh: read.last };
  }

  /**
   * Folds the stream's events from revision `from` onto `fold` and notes their ids, a page at a
   * time: a cold load of a long stream holds one page of parsed events, not every event of it at
   * once (100,000 events read whole took ~130 MB of heap at once, for a fold of ~50 MB). A linear
   * fold over the new events only. Returns the last revision read (`from - 1` when none) and the
   * events of the last page that had any.
   */
  private async foldPages(
    streamId: string,
    from: number,
    fold: IncidentFold,
    known: KnownIds,
  ): Promise<{ through: number; last: readonly StoredEvent[] }> {
    let through = from - 1;
    let last: StoredEvent[] = [];
    for (;;) {
      const page = await this.store.readStream(streamId, { from: through + 1, limit: LOAD_PAGE });
      for (const stored of page) {
        if (stored.revision > fold.revision) fold.apply(toRecordedEvent(stored));
        if (stored.revision > known.through) {
          known.revisions.set(stored.eventId, stored.revision);
          known.through = stored.revision;
        }
      }
      if (page.length > 0) {
        last = page;
        through = page[page.length - 1].revision;
      }
      if (page.length < LOAD_PAGE) return { through, last };
    }
  }

  /** Where the event `eventId` of a loaded incident stands (read back unless among `fresh`). */
  async refOf(
    incidentId: string,
    loaded: LoadedIncident,
    eventId: string,
  ): Promise<EventRef | undefined> {
    const fresh = freshRefOf(loaded, eventId);
    if (fresh) return fresh;
    const revision = loaded.revisions.get(eventId);
    if (revision === undefined) return undefined;
    const [stored] = await this.store.readStream(streamIdOf(incidentId), {
      from: revision,
      limit: 1,
    });
    return stored?.eventId === eventId ? eventRefOf(stored) : undefined;
  }
}

/**
 * The ref of `eventId` when this load read it (the events a batch just appended are), with no
 * read and no await; undefined otherwise (`refOf` reads it back).
 */
export function freshRefOf(loaded: LoadedIncident, eventId: string): EventRef | undefined {
  if (!loaded.revisions.has(eventId)) return undefined;
  const stored = loaded.fresh.find((event) => event.eventId === eventId);
  return stored ? eventRefOf(stored) : undefined;
}
