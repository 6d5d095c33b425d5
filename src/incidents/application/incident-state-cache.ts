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

/** What the write path has read of a stream: through which revision, and which ids. */
interface KnownIds {
  /** The revision through which loads have read the stream (or seen it folded). */
  read: number;
  /** The revision of each event id, for revisions 0..`through` (-1: none yet). */
  through: number;
  revisions: Map<string, number>;
}

const nothingKnown = (): KnownIds => ({ read: -1, through: -1, revisions: new Map() });

/**
 * An incident as the write path knows it: its fold (shared with the projection, moved on from
 * load to load, never copied) and the events this load read (the latest appended among them).
 */
export interface LoadedIncident {
  fold: IncidentFold;
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
 * The write path's folded incidents. Each load reads only the events after the fold's revision,
 * so writes no longer re-read and re-fold a whole incident, and writes made elsewhere (another
 * instance on KurrentDB) are still seen. The folds are the shared `IncidentFolds` (the inline
 * projection may have moved one on already). Event ids map to a revision only (a number, not a
 * ref per event; `refOf` reads the rest back), and only once an id is asked for that is not among
 * a load's events (a keyed retry): a fold the projection shares at the head is used without
 * reading the stream's 100,000 events for their ids (that read took ~60 MB of heap at once, and
 * the map ~9 MB). Ids read are kept up to date by later loads. Bounded: the least recently used
 * incident goes first.
 */
export class IncidentStateCache {
  private readonly known = new LruMap<string, KnownIds>(MAX_INCIDENTS);
  /** Reads of ids under way, by incident. */
  private readonly idReads = new Map<string, Promise<KnownIds>>();

  constructor(
    private readonly store: EventStore,
    private readonly folds = new IncidentFolds(),
  ) {}

  async load(incidentId: string): Promise<LoadedIncident> {
    let fold = this.folds.get(incidentId) ?? new IncidentFold();
    // from where this cache last read: the events appended since are read, also when the inline
    // projection has folded them already (a batch takes its refs from them)
    const read = this.known.get(incidentId)?.read ?? fold.revision;
    let pages = await this.readPages(incidentId, Math.min(read, fold.revision) + 1, fold);
    if (fold.revision > pages.through) {
      // the fold is ahead of what was read: moved on meanwhile, or folded (inline) by a commit
      // that then failed; only in the second case is the stream still behind it
      const more = await this.readPages(incidentId, pages.through + 1, fold);
      if (more.last.length > 0) pages = more;
      if (fold.revision > pages.through) {
        this.folds.drop(incidentId, fold);
        fold = new IncidentFold();
        pages = await this.readPages(incidentId, 0, fold);
      }
    }
    if (fold.revision < 0) {
      this.known.delete(incidentId);
      return { fold, fresh: pages.last };
    }
    this.folds.offer(incidentId, fold);
    const known = this.known.get(incidentId) ?? nothingKnown();
    known.read = Math.max(known.read, fold.revision);
    this.known.set(incidentId, known);
    return { fold, fresh: pages.last };
  }

  /** Where the event `eventId` of a loaded incident stands (read back unless among `fresh`). */
  async refOf(
    incidentId: string,
    loaded: LoadedIncident,
    eventId: string,
  ): Promise<EventRef | undefined> {
    const fresh = freshRefOf(loaded, eventId);
    if (fresh) return fresh;
    const known = await this.idsThrough(incidentId, loaded.fold.revision);
    const revision = known.revisions.get(eventId);
    if (revision === undefined) return undefined;
    const [stored] = await this.store.readStream(streamIdOf(incidentId), {
      from: revision,
      limit: 1,
    });
    return stored?.eventId === eventId ? eventRefOf(stored) : undefined;
  }

  /**
   * The incident's event ids through `revision` at least: the ones not yet known are read now,
   * once for every asker meanwhile.
   */
  private idsThrough(incidentId: string, revision: number): Promise<KnownIds> {
    const known = this.known.get(incidentId);
    if (known && known.through >= revision) return Promise.resolve(known);
    let reading = this.idReads.get(incidentId);
    if (!reading) {
      const from = (known?.through ?? -1) + 1;
      reading = this.readPages(incidentId, from)
        .then(() => this.known.get(incidentId) ?? nothingKnown())
        .finally(() => this.idReads.delete(incidentId));
      this.idReads.set(incidentId, reading);
    }
    return reading;
  }

  /**
   * Reads the stream's events from revision `from` a page at a time, folding the ones after its
   * revision onto `fold` (when given) and noting the ids that follow on from those known (ids of
   * a stream are known from revision 0 without a gap). A cold load of a long stream holds one
   * page of parsed events, not all of them at once (100,000 events read whole took ~130 MB of
   * heap at once, for a fold of ~50 MB). Returns the last revision read (`from - 1` when none)
   * and the events of the last page that had any.
   */
  private async readPages(
    incidentId: string,
    from: number,
    fold?: IncidentFold,
  ): Promise<{ through: number; last: readonly StoredEvent[] }> {
    const streamId = streamIdOf(incidentId);
    let through = from - 1;
    let last: StoredEvent[] = [];
    for (;;) {
      const page = await this.store.readStream(streamId, { from: through + 1, limit: LOAD_PAGE });
      const known = this.known.get(incidentId) ?? nothingKnown();
      for (const stored of page) {
        if (fold && stored.revision > fold.revision) fold.apply(toRecordedEvent(stored));
        if (stored.revision === known.through + 1) {
          known.revisions.set(stored.eventId, stored.revision);
          known.through = stored.revision;
        }
      }
      if (known.through >= 0 || this.known.peek(incidentId)) this.known.set(incidentId, known);
      if (page.length > 0) {
        last = page;
        through = page[page.length - 1].revision;
      }
      if (page.length < LOAD_PAGE) return { through, last };
    }
  }
}

/**
 * The ref of `eventId` when this load read it (the events a batch just appended are), with no
 * read and no await; undefined otherwise (`refOf` reads it back).
 */
export function freshRefOf(loaded: LoadedIncident, eventId: string): EventRef | undefined {
  const stored = loaded.fresh.find((event) => event.eventId === eventId);
  return stored ? eventRefOf(stored) : undefined;
}
