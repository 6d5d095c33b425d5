import type Database from 'better-sqlite3';
import type {
  ClaimHistoryVersion,
  ClaimView,
  IncidentView,
  TimelineEntry,
} from '../domain/view-types.js';
import type { IncidentSummary } from '../wire/incident-summary.js';
import { ReadModelDatabase } from './read-model-database.js';
import { generationTables, versionRefJson } from './read-model-schema.js';
import { casualtiesText, claimTexts, type ViewParts, viewParts } from './view-rows.js';

export interface IncidentFilter {
  status?: string;
  tag?: string;
  /** Lower-cased text to find in title, summary or place name. */
  q?: string;
  /** Only incidents whose sort key is below this (the list is newest first). */
  before?: string;
  limit: number;
}

export type TimelineOrder = 'asc' | 'desc';
export type TimelineBy = 'recorded' | 'reported';

export interface TimelineRange {
  by: TimelineBy;
  order: TimelineOrder;
  /** Only entries with a revision above this. */
  afterRevision?: number;
  /** Continue after (asc) or before (desc) this entry: its sort key and revision. */
  from?: { key: string; revision: number };
  limit: number;
}

export interface ListRow {
  sortKey: string;
  summary: IncidentSummary;
}

export interface TimelineRow {
  reportedKey: string;
  entry: TimelineEntry;
}

/** The read side of the read model: every query reads the current generation. */
export class ReadModelQueries {
  private readonly statements = new Map<string, Database.Statement>();
  private preparedFor = 0;

  constructor(private readonly readModel: ReadModelDatabase) {}

  /** A prepared statement, kept until a rebuild swaps the generation its tables belong to. */
  prepare<Row>(sql: string): Database.Statement<unknown[], Row> {
    if (this.preparedFor !== this.readModel.generation()) {
      this.statements.clear();
      this.preparedFor = this.readModel.generation();
    }
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.readModel.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Row>;
  }

  /** Runs `reads` in one read transaction: the rows of one answer from one snapshot. */
  read<T>(reads: () => T): T {
    const db = this.readModel.db;
    return db.inTransaction ? reads() : db.transaction(reads).deferred();
  }

  /** The read model's SQLite file; undefined when it is in memory. */
  file(): string | undefined {
    const { db } = this.readModel;
    return db.memory ? undefined : db.name;
  }

  get tables() {
    return generationTables(this.readModel.generation());
  }

  /** The current view as JSON text, with the revision it is at. */
  viewJson(incidentId: string): { json: string; revision: number } | undefined {
    const view = this.viewParts(incidentId);
    if (!view) return undefined;
    const { open, claims, close } = view.parts;
    return { json: `${open}${claims.join(',')}${close}`, revision: view.revision };
  }

  /**
   * The current view's JSON text in parts and its revision, read in one synchronous turn (the
   * rows and the revision are committed together, so they agree).
   */
  viewParts(incidentId: string): { parts: ViewParts; revision: number } | undefined {
    const t = this.tables;
    const row = this.prepare<{ details_json: string; revision: number }>(
      `SELECT details_json, revision FROM ${t.incidents} WHERE incident_id = ?`,
    ).get(incidentId);
    if (!row) return undefined;
    const prepare = this.prepare.bind(this);
    const claims = claimTexts(prepare, t, incidentId);
    const casualties = casualtiesText(prepare, t, incidentId);
    return { parts: viewParts(row.details_json, claims, casualties), revision: row.revision };
  }

  view(incidentId: string): IncidentView | undefined {
    const view = this.viewJson(incidentId);
    return view ? (JSON.parse(view.json) as IncidentView) : undefined;
  }

  /** The incident's revision in the read model, undefined when it has none. */
  revision(incidentId: string): number | undefined {
    return this.prepare<{ revision: number }>(
      `SELECT revision FROM ${this.tables.incidents} WHERE incident_id = ?`,
    ).get(incidentId)?.revision;
  }

  /** One claim as the current view shows it. */
  claim(incidentId: string, claimId: string): ClaimView | undefined {
    const row = this.prepare<{ claim_json: string }>(
      `SELECT claim_json FROM ${this.tables.claims} WHERE incident_id = ? AND claim_id = ?`,
    ).get(incidentId, claimId);
    return row ? (JSON.parse(row.claim_json) as ClaimView) : undefined;
  }

  /** Claims in first-reported order after the one at `afterSeq`, with their places. */
  claims(incidentId: string, afterSeq: number, limit: number): { seq: number; json: string }[] {
    return this.prepare<{ seq: number; claim_json: string }>(
      `SELECT seq, claim_json FROM ${this.tables.claims}
       WHERE incident_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    )
      .all(incidentId, afterSeq, limit)
      .map((row) => ({ seq: row.seq, json: row.claim_json }));
  }

  exists(incidentId: string): boolean {
    return (
      this.prepare(`SELECT 1 FROM ${this.tables.incidents} WHERE incident_id = ?`).get(
        incidentId,
      ) !== undefined
    );
  }

  /** Incidents, most recently updated (highest position) first. */
  list(filter: IncidentFilter): ListRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.tag !== undefined) {
      where.push('EXISTS (SELECT 1 FROM json_each(tags_json) WHERE value = ?)');
      params.push(filter.tag);
    }
    if (filter.q !== undefined) {
      where.push('instr(search_text, ?) > 0');
      params.push(filter.q);
    }
    if (filter.before !== undefined) {
      where.push('sort_key < ?');
      params.push(filter.before);
    }
    const sql = `SELECT sort_key, summary_json FROM ${this.tables.incidents}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY sort_key DESC LIMIT ?`;
    const rows = this.prepare<{ sort_key: string; summary_json: string }>(sql).all(
      ...params,
      filter.limit,
    );
    return rows.map((row) => ({
      sortKey: row.sort_key,
      summary: JSON.parse(row.summary_json) as IncidentSummary,
    }));
  }

  timeline(incidentId: string, range: TimelineRange): TimelineRow[] {
    const where = ['incident_id = ?'];
    const params: (string | number)[] = [incidentId];
    if (range.afterRevision !== undefined) {
      where.push('revision > ?');
      params.push(range.afterRevision);
    }
    const direction = range.order === 'asc' ? 'ASC' : 'DESC';
    const comparison = range.order === 'asc' ? '>' : '<';
    if (range.from) {
      if (range.by === 'recorded') {
        where.push(`revision ${comparison} ?`);
        params.push(range.from.revision);
      } else {
        where.push(`(reported_key, revision) ${comparison} (?, ?)`);
        params.push(range.from.key, range.from.revision);
      }
    }
    const orderBy =
      range.by === 'recorded'
        ? `revision ${direction}`
        : `reported_key ${direction}, revision ${direction}`;
    const sql = `SELECT reported_key, entry_json FROM ${this.tables.timeline}
      WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`;
    return this.prepare<{ reported_key: string; entry_json: string }>(sql)
      .all(...params, range.limit)
      .map((row) => ({
        reportedKey: row.reported_key,
        entry: JSON.parse(row.entry_json) as TimelineEntry,
      }));
  }

  /** A claim's versions, oldest first; empty when the claim is unknown. */
  claimHistory(incidentId: string, claimId: string): ClaimHistoryVersion[] {
    const t = this.tables;
    return this.prepare<{ ref_json: string; claim_json: string }>(
      `SELECT ${versionRefJson('e')} AS ref_json, v.claim_json
       FROM ${t.claimVersions} v
       JOIN ${t.timeline} e ON e.incident_id = v.incident_id AND e.revision = v.revision
       WHERE v.incident_id = ? AND v.in_history = 1 AND v.claim_seq =
         (SELECT seq FROM ${t.claims} WHERE incident_id = ? AND claim_id = ?)
       ORDER BY v.revision`,
    )
      .all(incidentId, incidentId, claimId)
      .map(
        (row) =>
          JSON.parse(
            `${row.ref_json.slice(0, -1)},"claim":${row.claim_json}}`,
          ) as ClaimHistoryVersion,
      );
  }
}
