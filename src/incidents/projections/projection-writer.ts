import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { comparePositions, type StoredEvent } from '../../event-store/event-store.js';
import { IncidentFolds } from '../application/incident-folds.js';
import { claimIdOfEvent, incidentIdOf, isIncidentEventType } from '../domain/events.js';
import { eventRef } from '../domain/history.js';
import { IncidentFold } from '../domain/incident-fold.js';
import { toRecordedEvent } from '../domain/recorded.js';
import type { RecordedIncidentEvent } from '../domain/state.js';
import { timelineEntryJson } from '../domain/timeline.js';
import { claimViewJson } from '../domain/view.js';
import { timelineSortKey, utc } from '../domain/world-time.js';
import { SearchRows } from '../../search/search-rows.js';
import { SourceRows } from '../../sources/source-rows.js';
import type { CasualtyTotals } from './casualty-totals.js';
import { type CachedIncident, FoldCache } from './fold-cache.js';
import { IncidentRows } from './incident-rows.js';
import { PROJECTION, type ReadModelDatabase } from './read-model-database.js';

/** An entry's recordedAt as the UTC ISO text `recorded_key` holds (`asOf` compares on it). */
const recordedKeyOf = (recordedAt: string) => utc(recordedAt, recordedAt);

const DETAIL_EVENTS = new Set([
  'IncidentOpened',
  'IncidentDetailsRevised',
  'IncidentStatusChanged',
  'CasualtyEstimateAssessed',
]);

interface Generation {
  rows: IncidentRows;
  search: SearchRows;
  sources: SourceRows;
  /** Folds of its own: rebuilt from rows, or behind the shared one. */
  folds: FoldCache;
  /** The casualty totals of the shared folds it used, as of the revision each was at. */
  totals: WeakMap<IncidentFold, { revision: number; totals: CasualtyTotals }>;
  saveCheckpoint: Database.Statement<unknown[]>;
}

/** What one batch changed in one incident: written once at the end of the batch. */
interface Touched {
  cached: CachedIncident;
  fold: IncidentFold;
  /** Changed claims and the JSON of each as the view shows it now. */
  claims: Map<string, string>;
  /**
   * The incident's claims before the batch: the rows hold exactly the fold at the stored
   * revision, so a claim at this seq or later has no claim, search or source rows yet.
   */
  claimsBefore: number;
}

/**
 * Applies events to one generation of the read model, in ONE transaction per batch (rows and
 * checkpoint). Per event it adds a timeline entry and, when the event is about a claim or the
 * incident's fields, a version row; per batch it rewrites only the claims the batch changed and
 * the incident's small row. Each incident's fold stays in memory (bounded), checked against the
 * stored revision, so a batch neither reloads nor re-serialises the whole incident. Events at or
 * below the checkpoint (or the incident's revision) are skipped, so a batch delivered again after
 * a crash changes nothing.
 */
export class ProjectionWriter {
  private readonly logger = new Logger('projections');
  private readonly generations = new Map<number, Generation>();

  /**
   * `folds`: the folds shared with the write path. A fold this writer folds from events (an
   * incident with no rows yet) is offered there, and one there at the revision of the rows is
   * used, so an incident both write and project is held once.
   */
  constructor(
    private readonly readModel: ReadModelDatabase,
    private readonly shared = new IncidentFolds(),
  ) {}

  /**
   * Applies `events` (in position order) to `generation` and returns its new checkpoint.
   * `through` moves the checkpoint past events that were read but are not incident events.
   */
  apply(generation: number, events: readonly StoredEvent[], through?: string): string {
    const target = this.prepared(generation);
    const touched = new Map<string, Touched>();
    const run = this.readModel.db.transaction(() =>
      this.applyInTransaction(generation, target, touched, events, through),
    );
    try {
      // IMMEDIATE: take the write lock first, so another process on the file cannot make us retry
      return this.readModel.committedAtNormalSync(() => run.immediate());
    } catch (error) {
      target.rows.discard();
      target.sources.discard();
      // the folds went ahead of rows that were rolled back
      for (const [incidentId, { fold }] of touched) {
        target.folds.delete(incidentId);
        this.shared.drop(incidentId, fold);
      }
      throw error;
    }
  }

  /** Forgets the statements and folds of a dropped generation. */
  forget(generation: number): void {
    this.generations.delete(generation);
  }

  private applyInTransaction(
    generation: number,
    target: Generation,
    touched: Map<string, Touched>,
    events: readonly StoredEvent[],
    through: string | undefined,
  ): string {
    const start = this.readModel.checkpoint(generation);
    let checkpoint = start;
    for (const stored of events) {
      if (comparePositions(stored.position, checkpoint) <= 0) continue;
      checkpoint = stored.position;
      const incidentId = incidentIdOf(stored.streamId);
      if (incidentId === null || !isIncidentEventType(stored.type)) continue;
      let changes = touched.get(incidentId);
      if (!changes) {
        const cached = this.cachedOf(target, incidentId);
        const claimsBefore = cached.fold.claimCount;
        changes = { cached, fold: cached.fold, claims: new Map(), claimsBefore };
        touched.set(incidentId, changes);
      }
      const event = this.fold(stored, changes.fold, incidentId);
      if (event) this.addRows(target.rows, incidentId, event, changes);
    }
    for (const [incidentId, { cached, fold, claims, claimsBefore }] of touched) {
      let casualties = false;
      for (const [claimId, json] of claims) {
        const claim = fold.claim(claimId);
        const seq = fold.claimSeq(claimId);
        if (!claim || seq === undefined) continue;
        // loaded before this batch's figures are written, then kept up to date in memory
        if (claim.kind === 'casualties') cached.totals ??= target.rows.loadTotals(incidentId);
        const isNew = seq >= claimsBefore;
        const searchDoc = target.search.saveClaim(incidentId, seq, claim, isNew);
        const figures = target.rows.saveClaim(incidentId, seq, claim, { claim: json, searchDoc });
        if (figures) cached.totals?.replace(seq, figures);
        casualties ||= figures !== undefined;
        target.sources.saveClaim(incidentId, seq, claim, isNew);
      }
      target.rows.saveIncident(fold, casualties ? cached.totals?.ranges() : undefined);
      if (cached.totals && this.shared.get(incidentId) === fold)
        target.totals.set(fold, { revision: fold.revision, totals: cached.totals });
      const details = fold.details();
      if (details) target.search.saveIncident(details);
    }
    target.rows.flush();
    target.sources.flush();
    if (through !== undefined && comparePositions(through, checkpoint) > 0) checkpoint = through;
    if (checkpoint !== start) target.saveCheckpoint.run(generation, PROJECTION, checkpoint);
    return checkpoint;
  }

  /**
   * The shared fold or the writer's own when one matches the stored rows, else one loaded from
   * them: an empty one (no rows yet) will be folded from events and is shared, one rebuilt from
   * rows is kept by this writer only.
   */
  private cachedOf(target: Generation, incidentId: string): CachedIncident {
    const stored = target.rows.storedRevision(incidentId);
    const shared = this.shared.get(incidentId);
    if (shared && shared.revision === stored) {
      // held once: the writer's own copy (if any) goes
      target.folds.delete(incidentId);
      const kept = target.totals.get(shared);
      return { fold: shared, ...(kept?.revision === stored && { totals: kept.totals }) };
    }
    const cached = target.folds.get(incidentId);
    if (cached && cached.fold.revision === stored) return cached;
    const fold = target.rows.loadFold(incidentId);
    if (fold.revision < 0 && this.shared.offer(incidentId, fold)) {
      target.folds.delete(incidentId);
      return { fold };
    }
    const fresh = { fold };
    target.folds.set(incidentId, fresh);
    return fresh;
  }

  /**
   * Folds the event into `fold` and returns it; null when the incident already has it or it
   * cannot be folded (logged, so one corrupt stream does not stop every other incident's
   * projection; the fold is left as it was).
   */
  private fold(
    stored: StoredEvent,
    fold: IncidentFold,
    incidentId: string,
  ): RecordedIncidentEvent | null {
    try {
      const event = toRecordedEvent(stored);
      if (event.revision <= fold.revision) return null;
      fold.apply(event);
      return event;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`skipped ${stored.type} at ${stored.position}: ${reason}`);
      // it no longer folds the stream as the write path does: not to be shared
      this.shared.drop(incidentId, fold);
      return null;
    }
  }

  /** The event's timeline entry and its claim or detail version (the fold holds the after). */
  private addRows(
    rows: IncidentRows,
    incidentId: string,
    event: RecordedIncidentEvent,
    changes: Touched,
  ): void {
    const { fold } = changes;
    // a dispute line names the disputing claim, which the dispute itself does not change
    const refJson = JSON.stringify(eventRef(event));
    const keys: [string, string] = [timelineSortKey(event, fold), recordedKeyOf(event.recordedAt)];
    rows.addEntry(incidentId, event.revision, keys, timelineEntryJson(event, fold, refJson));
    const details = fold.details();
    if (DETAIL_EVENTS.has(event.type) && details) rows.addDetails(details);
    // the event's own claim, then any claim it changed besides (a retraction clears `disputed`
    // on the claims it disputed): each gets a version at this revision and its row rewritten
    const own = claimIdOfEvent(event);
    for (const claimId of fold.changedClaims()) {
      const claim = fold.claim(claimId);
      const seq = fold.claimSeq(claimId);
      if (!claim || seq === undefined) continue;
      const claimJson = claimViewJson(claim);
      const place = { claim, seq, inHistory: claimId === own };
      rows.addVersion(incidentId, event.revision, place, claimJson);
      changes.claims.set(claimId, claimJson);
    }
  }

  private prepared(generation: number): Generation {
    let target = this.generations.get(generation);
    if (target) return target;
    const db = this.readModel.db;
    target = {
      rows: new IncidentRows(db, generation),
      search: new SearchRows(db, generation),
      sources: new SourceRows(db, generation),
      folds: new FoldCache(),
      totals: new WeakMap(),
      saveCheckpoint: db.prepare(
        `INSERT INTO rm_checkpoints (generation, projection, position) VALUES (?, ?, ?)
         ON CONFLICT (generation, projection) DO UPDATE SET position = excluded.position`,
      ),
    };
    this.generations.set(generation, target);
    return target;
  }
}
