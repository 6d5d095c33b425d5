import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { comparePositions, type StoredEvent } from '../../event-store/event-store.js';
import { incidentIdOf, isIncidentEventType } from '../domain/events.js';
import { evolve } from '../domain/evolve.js';
import { toHistoryVersion } from '../domain/history.js';
import { toRecordedEvent } from '../domain/recorded.js';
import type { IncidentState } from '../domain/state.js';
import { toTimelineEntry } from '../domain/timeline.js';
import { toIncidentView } from '../domain/view.js';
import { stateReader } from '../domain/incident-fold.js';
import { timelineSortKey } from '../domain/world-time.js';
import type { ClaimHistoryVersion, TimelineEntry } from '../domain/view-types.js';
import { searchTextOf, toIncidentSummary } from './incident-summary.js';
import { PROJECTION, type ReadModelDatabase } from './read-model-database.js';
import { generationTables, sortKeyOf } from './read-model-schema.js';

interface Statements {
  loadState: Database.Statement<[string], { state_json: string }>;
  saveIncident: Database.Statement<unknown[]>;
  addEntry: Database.Statement<unknown[]>;
  addVersion: Database.Statement<unknown[]>;
  saveCheckpoint: Database.Statement<unknown[]>;
}

/**
 * Applies events to one generation of the read model: the incident view and list row, the
 * timeline entries and the claim history versions, and the checkpoint, in ONE transaction per
 * batch. Events at or below the checkpoint (or the incident's revision) are skipped, so a batch
 * delivered again after a crash changes nothing.
 */
export class ProjectionWriter {
  private readonly logger = new Logger('projections');
  private readonly statements = new Map<number, Statements>();

  constructor(private readonly readModel: ReadModelDatabase) {}

  /**
   * Applies `events` (in position order) to `generation` and returns its new checkpoint.
   * `through` moves the checkpoint past events that were read but are not incident events.
   */
  apply(generation: number, events: readonly StoredEvent[], through?: string): string {
    const run = this.readModel.db.transaction(() =>
      this.applyInTransaction(generation, events, through),
    );
    // IMMEDIATE: take the write lock first, so another process on the file cannot make us retry
    return run.immediate();
  }

  /** Forgets the prepared statements of a dropped generation. */
  forget(generation: number): void {
    this.statements.delete(generation);
  }

  private applyInTransaction(
    generation: number,
    events: readonly StoredEvent[],
    through: string | undefined,
  ): string {
    const sql = this.prepared(generation);
    const start = this.readModel.checkpoint(generation);
    let checkpoint = start;
    const states = new Map<string, IncidentState | null>();
    for (const stored of events) {
      if (comparePositions(stored.position, checkpoint) <= 0) continue;
      checkpoint = stored.position;
      const incidentId = incidentIdOf(stored.streamId);
      if (incidentId === null || !isIncidentEventType(stored.type)) continue;
      if (!states.has(incidentId)) states.set(incidentId, this.loadState(sql, incidentId));
      const before = states.get(incidentId) ?? null;
      const rows = this.project(stored, before);
      if (!rows) continue;
      states.set(incidentId, rows.after);
      const { entry, version } = rows;
      sql.addEntry.run(incidentId, entry.revision, rows.sortKey, JSON.stringify(entry));
      if (version) {
        sql.addVersion.run(
          incidentId,
          version.claim.claimId,
          version.revision,
          JSON.stringify(version),
        );
      }
    }
    for (const state of states.values()) if (state) this.saveIncident(sql, state);
    if (through !== undefined && comparePositions(through, checkpoint) > 0) checkpoint = through;
    if (checkpoint !== start) sql.saveCheckpoint.run(generation, PROJECTION, checkpoint);
    return checkpoint;
  }

  /**
   * The pure part: the state after the event, its timeline entry and history version; null when
   * the incident already has it or the event cannot be folded (logged, so one corrupt stream
   * does not stop every other incident's projection; database errors are not caught here).
   */
  private project(
    stored: StoredEvent,
    before: IncidentState | null,
  ): {
    after: IncidentState;
    entry: TimelineEntry;
    sortKey: string;
    version: ClaimHistoryVersion | null;
  } | null {
    try {
      const event = toRecordedEvent(stored);
      if (before && event.revision <= before.revision) return null;
      const after = evolve(before, event);
      return {
        after,
        entry: toTimelineEntry(event, before),
        sortKey: timelineSortKey(event, stateReader(before)),
        version: toHistoryVersion(event, after),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`skipped ${stored.type} at ${stored.position}: ${reason}`);
      return null;
    }
  }

  private loadState(sql: Statements, incidentId: string): IncidentState | null {
    const row = sql.loadState.get(incidentId);
    return row ? (JSON.parse(row.state_json) as IncidentState) : null;
  }

  private saveIncident(sql: Statements, state: IncidentState): void {
    const view = toIncidentView(state);
    sql.saveIncident.run(
      state.incidentId,
      state.status,
      JSON.stringify(state.tags),
      searchTextOf(view),
      state.updatedAt,
      state.revision,
      sortKeyOf(state.position),
      JSON.stringify(state),
      JSON.stringify(view),
      JSON.stringify(toIncidentSummary(view)),
    );
  }

  private prepared(generation: number): Statements {
    let sql = this.statements.get(generation);
    if (sql) return sql;
    const t = generationTables(generation);
    const db = this.readModel.db;
    sql = {
      loadState: db.prepare(`SELECT state_json FROM ${t.incidents} WHERE incident_id = ?`),
      saveIncident: db.prepare(
        `INSERT OR REPLACE INTO ${t.incidents} (incident_id, status, tags_json, search_text,
           updated_at, revision, sort_key, state_json, view_json, summary_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      addEntry: db.prepare(
        `INSERT OR IGNORE INTO ${t.timeline} (incident_id, revision, reported_key, entry_json)
         VALUES (?, ?, ?, ?)`,
      ),
      addVersion: db.prepare(
        `INSERT OR IGNORE INTO ${t.claimVersions} (incident_id, claim_id, revision, version_json)
         VALUES (?, ?, ?, ?)`,
      ),
      saveCheckpoint: db.prepare(
        `INSERT INTO rm_checkpoints (generation, projection, position) VALUES (?, ?, ?)
         ON CONFLICT (generation, projection) DO UPDATE SET position = excluded.position`,
      ),
    };
    this.statements.set(generation, sql);
    return sql;
  }
}
