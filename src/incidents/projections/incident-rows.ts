/**
 * The write side of one generation's rows: prepared statements and what the writer stores per
 * event (timeline entry, claim version, detail version) and per batch (changed claims, their
 * casualty figures, the incident row with its list summary). Also reloads an incident's fold
 * from its rows when the writer's cache does not hold it.
 */
import type Database from 'better-sqlite3';
import type { IncidentDetails } from '../domain/evolve.js';
import { IncidentFold } from '../domain/incident-fold.js';
import { sourceName } from '../domain/source-name.js';
import type { ClaimState } from '../domain/state.js';
import type { CasualtySourceView, ClaimView } from '../domain/view-types.js';
import { CasualtyTotals, type FigureRow } from './casualty-totals.js';
import type { CasualtyRange, IncidentSummary } from '../wire/incident-summary.js';
import { searchTextOf } from './incident-summary.js';
import { generationTables, sortKeyOf } from './read-model-schema.js';
import { RowBuffer } from './row-buffer.js';

type Run = Database.Statement<unknown[]>;

/** The view's incident fields in the view's key order (claims and casualties follow them). */
export function detailsInViewOrder(details: IncidentDetails): Omit<IncidentDetails, 'assessments'> {
  const { incidentId, revision, position, title, summary, location, occurredAt, tags } = details;
  const { status, openedAt, updatedAt } = details;
  return {
    incidentId,
    revision,
    position,
    title,
    summary,
    location,
    occurredAt,
    tags,
    status,
    openedAt,
    updatedAt,
  };
}

export class IncidentRows {
  private readonly sql: Record<string, Run>;
  private readonly entries: RowBuffer;
  private readonly versions: RowBuffer;
  private readonly claimRows: RowBuffer;
  private readonly revisionOf: Database.Statement<[string], { revision: number }>;
  private readonly detailsOf: Database.Statement<[string], { details_json: string }>;
  private readonly latestDetailsOf: Database.Statement<[string], { details_json: string }>;
  private readonly summaryOf: Database.Statement<[string], { summary_json: string }>;
  private readonly claimsOf: Database.Statement<[string], { claim_json: string }>;
  private readonly figuresOf: Database.Statement<[string], FigureRow>;

  constructor(db: Database.Database, generation: number) {
    const t = generationTables(generation);
    this.revisionOf = db.prepare(`SELECT revision FROM ${t.incidents} WHERE incident_id = ?`);
    this.detailsOf = db.prepare(`SELECT details_json FROM ${t.incidents} WHERE incident_id = ?`);
    this.latestDetailsOf = db.prepare(
      `SELECT details_json FROM ${t.detailVersions} WHERE incident_id = ?
       ORDER BY revision DESC LIMIT 1`,
    );
    this.summaryOf = db.prepare(`SELECT summary_json FROM ${t.incidents} WHERE incident_id = ?`);
    this.claimsOf = db.prepare(
      `SELECT claim_json FROM ${t.claims} WHERE incident_id = ? ORDER BY seq`,
    );
    this.figuresOf = db.prepare(
      `SELECT claim_seq AS claimSeq, figure, measure, grp AS "group", min, max
       FROM ${t.casualtySources} WHERE incident_id = ?`,
    );
    this.entries = new RowBuffer(
      db,
      `INSERT OR IGNORE INTO ${t.timeline}
         (incident_id, revision, reported_key, recorded_key, entry_json) VALUES`,
      5,
    );
    this.versions = new RowBuffer(
      db,
      `INSERT OR IGNORE INTO ${t.claimVersions}
         (incident_id, claim_id, revision, claim_seq, kind, claim_json, in_history)
       VALUES`,
      7,
    );
    this.claimRows = new RowBuffer(
      db,
      `INSERT OR REPLACE INTO ${t.claims} (incident_id, seq, claim_id, claim_json, search_doc)
       VALUES`,
      5,
    );
    this.sql = {
      details: db.prepare(
        `INSERT OR IGNORE INTO ${t.detailVersions} (incident_id, revision, details_json)
         VALUES (?, ?, ?)`,
      ),
      dropSources: db.prepare(
        `DELETE FROM ${t.casualtySources} WHERE incident_id = ? AND claim_seq = ?`,
      ),
      source: db.prepare(
        `INSERT INTO ${t.casualtySources} (incident_id, claim_seq, figure, measure, grp, min, max,
           reported_ms, source_json, disputed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      incident: db.prepare(
        `INSERT OR REPLACE INTO ${t.incidents} (incident_id, status, tags_json, search_text,
           updated_at, revision, sort_key, claim_count, details_json, summary_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** The revision the incident's rows hold, -1 when it has none. */
  storedRevision(incidentId: string): number {
    return this.revisionOf.get(incidentId)?.revision ?? -1;
  }

  /** The incident's fold rebuilt from its rows (details and claims), an empty one without. */
  loadFold(incidentId: string): IncidentFold {
    const row = this.detailsOf.get(incidentId);
    if (!row) return new IncidentFold();
    // the view's fields; the assessments are kept with the latest detail version only
    const latest = this.latestDetailsOf.get(incidentId);
    const { assessments } = latest
      ? (JSON.parse(latest.details_json) as Partial<IncidentDetails>)
      : { assessments: undefined };
    const details = {
      ...(JSON.parse(row.details_json) as IncidentDetails),
      assessments: assessments ?? [],
    };
    const claims = this.claimsOf.all(incidentId).map((claim) => {
      const { source: _source, ...state } = JSON.parse(claim.claim_json) as ClaimView;
      return state;
    });
    return IncidentFold.from({ ...details, claims });
  }

  /** Buffered, like addVersion: call flush() before the batch's transaction commits. */
  addEntry(incidentId: string, revision: number, keys: [string, string], json: string): void {
    this.entries.add(incidentId, revision, keys[0], keys[1], json);
  }

  /** Writes the buffered timeline entries, claim versions and claim rows. */
  flush(): void {
    this.entries.flush();
    this.versions.flush();
    this.claimRows.flush();
  }

  /** Forgets buffered rows of a batch that failed. */
  discard(): void {
    this.entries.clear();
    this.versions.clear();
    this.claimRows.clear();
  }

  /**
   * The claim after an event that changed it: `claimJson` is the claim as the view shows it;
   * `inHistory` false when the event is about another claim (kept for time travel only). Its
   * event ref is the timeline entry's at `revision` (versionRefJson).
   */
  addVersion(
    incidentId: string,
    revision: number,
    place: { claim: ClaimState; seq: number; inHistory: boolean },
    claimJson: string,
  ): void {
    const { claim, seq, inHistory } = place;
    this.versions.add(
      incidentId,
      claim.claimId,
      revision,
      seq,
      claim.kind,
      claimJson,
      inHistory ? 1 : 0,
    );
  }

  addDetails(details: IncidentDetails): void {
    this.sql.details.run(
      details.incidentId,
      details.revision,
      JSON.stringify({ ...detailsInViewOrder(details), assessments: details.assessments }),
    );
  }

  /** Every live casualty figure of the incident, for its in-memory totals. */
  loadTotals(incidentId: string): CasualtyTotals {
    return new CasualtyTotals(this.figuresOf.all(incidentId));
  }

  /**
   * The claim row (with its search document's rowid) and, for a casualties claim, its live
   * figures (none once retracted), which it returns; undefined for a statement.
   */
  saveClaim(
    incidentId: string,
    seq: number,
    claim: ClaimState,
    json: { claim: string; searchDoc: number },
  ): FigureRow[] | undefined {
    this.claimRows.add(incidentId, seq, claim.claimId, json.claim, json.searchDoc);
    if (claim.kind !== 'casualties') return undefined;
    this.sql.dropSources.run(incidentId, seq);
    if (claim.state === 'retracted') return [];
    const reportedMs = Date.parse(claim.reportedAt);
    const live: FigureRow[] = [];
    (claim.figures ?? []).forEach((figure, index) => {
      const { measure, group, min, max } = figure;
      live.push({ claimSeq: seq, figure: index, measure, group, min, max });
      const source: CasualtySourceView = {
        claimId: claim.claimId,
        source: sourceName(claim.attribution),
        min: figure.min,
        max: figure.max,
        reportedAt: claim.reportedAt,
        ...(figure.wording !== undefined && { wording: figure.wording }),
      };
      this.sql.source.run(
        incidentId,
        seq,
        index,
        figure.measure,
        figure.group,
        figure.min,
        figure.max,
        reportedMs,
        JSON.stringify(source),
        claim.flags.includes('disputed') ? 1 : 0,
      );
    });
    return live;
  }

  /**
   * The incident row: view fields, list filters and the list summary, with `ranges` when the
   * casualties changed (else the stored ones).
   */
  saveIncident(fold: IncidentFold, ranges: CasualtyRange[] | undefined): void {
    const details = fold.details();
    if (!details) return;
    const previous = ranges ? undefined : this.summaryOf.get(details.incidentId);
    const summary: IncidentSummary = {
      incidentId: details.incidentId,
      title: details.title,
      status: details.status,
      tags: details.tags,
      location: details.location,
      occurredAt: details.occurredAt,
      updatedAt: details.updatedAt,
      revision: details.revision,
      position: details.position,
      claimCount: fold.claimCount,
      casualties:
        ranges ??
        (previous ? (JSON.parse(previous.summary_json) as IncidentSummary).casualties : []),
    };
    this.sql.incident.run(
      details.incidentId,
      details.status,
      JSON.stringify(details.tags),
      searchTextOf(details),
      details.updatedAt,
      details.revision,
      sortKeyOf(details.position),
      fold.claimCount,
      JSON.stringify(detailsInViewOrder(details)),
      JSON.stringify(summary),
    );
  }
}
