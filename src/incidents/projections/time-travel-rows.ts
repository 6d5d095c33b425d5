/**
 * Time travel from the read model's version rows, never a fold from revision 0:
 * - `revision` N: the incident fields of the latest detail version ≤ N and, per claim, its
 *   latest version ≤ N (the claim after the last event about it up to N);
 * - `asOf` T: the same at the last revision recorded by T, when the events recorded by T are a
 *   prefix of the stream (the server clock did not step back; otherwise `not-prefix`);
 * - `reportedBy` T: the events whose world-time sort key is ≤ T (an index; with `asOf` T2 also
 *   recorded by T2), folded with the same rule as a plain fold, so the cost follows what it
 *   returns; the longest prefix of them that counts whole comes from the version rows instead.
 *   The key is timelineSortKey: an event's world time, or for a correction or undated dispute
 *   the first reportedAt of its claims, so every event the fold counts is selected.
 */
import { consolidateCasualties } from '../domain/casualties.js';
import type { IncidentDetails } from '../domain/evolve.js';
import type { IncidentFold } from '../domain/incident-fold.js';
import type { RecordedIncidentEvent } from '../domain/state.js';
import { foldReportedBy, foldReportedByInto } from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import type { ClaimView, IncidentView, TimelineEntry } from '../domain/view-types.js';
import { worldTimeOf } from '../domain/world-time.js';
import { detailsInViewOrder } from './incident-rows.js';
import { type ClaimAt, CLAIMS_PER_PIECE, ClaimsAtRevision } from './claims-at-revision.js';
import { foldOntoVersionRows, type ViewPieces } from './fold-onto-version-rows.js';
import type { RowSource } from './row-source.js';
import { type ViewAt, viewFromRows, viewFromText } from './view-at.js';

/** The instants `timeKey` keeps as they are (years 0001–9999). */
const MIN_KEY_MS = -62135596800000;
const MAX_KEY_MS = 253402300799999;

/** An instant as the UTC ISO text the rows are keyed by (clamped to years 0001–9999). */
export function timeKey(t: string): string {
  const ms = Math.min(Math.max(Date.parse(t), MIN_KEY_MS), MAX_KEY_MS);
  return new Date(ms).toISOString();
}

export type AsOfRevision = { revision: number } | 'none' | 'not-prefix';

export class TimeTravelRows {
  /** `claimsPerPiece`: how many claim rows SQLite joins per piece (tests make it small). */
  constructor(
    private readonly queries: RowSource,
    private readonly claimsPerPiece = CLAIMS_PER_PIECE,
  ) {}

  /** The view after revision N (≤ the incident's revision in the read model). */
  atRevisionView(incidentId: string, revision: number): ViewAt | undefined {
    return this.queries.read(() => {
      const parts = this.partsAt(incidentId, revision);
      if (!parts) return undefined;
      const casualtyClaims = parts.claims.casualties().map(parsedView);
      const casualties = JSON.stringify(
        consolidateCasualties(casualtyClaims, parts.details.assessments),
      );
      const { detailsJson, claims } = parts;
      return viewFromRows({ revision, detailsJson, claims, casualties });
    });
  }

  /** The same as JSON pieces. */
  atRevisionPieces(incidentId: string, revision: number): Buffer[] | undefined {
    return this.queries.read(() => this.atRevisionView(incidentId, revision)?.pieces());
  }

  /** The same as JSON text. */
  atRevisionJson(incidentId: string, revision: number): string | undefined {
    const pieces = this.atRevisionPieces(incidentId, revision);
    return pieces && Buffer.concat(pieces).toString();
  }

  /** The same as an object (for diffs). */
  atRevision(incidentId: string, revision: number): IncidentView | undefined {
    const json = this.atRevisionJson(incidentId, revision);
    return json === undefined ? undefined : (JSON.parse(json) as IncidentView);
  }

  /** Which revision `asOf` T is, when the events recorded by T are a prefix of the stream. */
  asOfRevision(incidentId: string, t: string): AsOfRevision {
    const key = timeKey(t);
    const table = this.queries.tables.timeline;
    // both from the (small, covering) recorded-time index: left to itself the planner walks
    // the rows with their JSON by revision, half the timeline each way from mid-story
    const within = this.queries
      .prepare<{ r: number | null }>(
        `SELECT max(revision) AS r FROM ${table} INDEXED BY ${table}_recorded
         WHERE incident_id = ? AND recorded_key <= ?`,
      )
      .get(incidentId, key)?.r;
    if (within === null || within === undefined) return 'none';
    const after = this.queries
      .prepare<{ r: number | null }>(
        `SELECT min(revision) AS r FROM ${table} INDEXED BY ${table}_recorded
         WHERE incident_id = ? AND recorded_key > ?`,
      )
      .get(incidentId, key)?.r;
    if (after !== null && after !== undefined && after < within) return 'not-prefix';
    return { revision: within };
  }

  /**
   * The story as reported by T (from the events recorded by `asOf`, when given), null when T is
   * before every world time of those events (as foldReportedBy).
   */
  reportedBy(incidentId: string, t: string, asOf?: string): IncidentView | null {
    const view = this.reportedByPieces(incidentId, t, asOf);
    return view && (JSON.parse(Buffer.concat(view.pieces).toString()) as IncidentView);
  }

  /**
   * The same as JSON pieces, with the revision it is at; `more` (further keys, e.g. the basis:
   * `,"basis":{…}`) goes at the end of the object.
   */
  reportedByPieces(incidentId: string, t: string, asOf?: string, more = ''): ViewPieces | null {
    return this.queries.read(() => {
      const view = this.reportedByView(incidentId, t, asOf, more);
      return view && { pieces: view.pieces(), revision: view.revision };
    });
  }

  /**
   * The same as a view to make; `head`: the read model's revision to count through (by default
   * its revision now), so an answer named by it does not count later events.
   */
  reportedByView(
    incidentId: string,
    t: string,
    asOf?: string,
    more = '',
    head?: number,
  ): ViewAt | null {
    return this.queries.read(() => {
      const through = this.recordedThrough(incidentId, asOf, head);
      const fromPrefix =
        through === undefined ? undefined : this.reportedByFromPrefix(incidentId, t, through, more);
      if (fromPrefix !== undefined) return fromPrefix;
      const view = this.reportedByFold(incidentId, t, asOf);
      if (!view) return null;
      return viewFromText(view.revision, `${JSON.stringify(view).slice(0, -1)}${more}}`);
    });
  }

  /**
   * The last revision of the events a reportedBy counts from: the read model's head, or with
   * `asOf` the last recorded by then when those events are a prefix (undefined otherwise).
   */
  private recordedThrough(
    incidentId: string,
    asOf: string | undefined,
    head = this.queries.revision(incidentId),
  ): number | undefined {
    if (asOf === undefined) return head;
    const recorded = this.asOfRevision(incidentId, asOf);
    if (typeof recorded !== 'object') return undefined;
    return head === undefined ? recorded.revision : Math.min(recorded.revision, head);
  }

  /**
   * reportedBy T from the events through revision `through`, without folding them all: the
   * longest prefix whose every event sorts at or before T counts whole (each such event passes
   * foldReportedBy's rule: its world time is ≤ T or it has none, and the claims it is about came
   * before it), so it is the view at that revision, read from the version rows; the later events
   * that sort at or before T (back-dated reports) are folded onto it, and only the claims those
   * reach are parsed. Undefined when no such prefix holds a dated event (the plain rule decides).
   */
  private reportedByFromPrefix(
    incidentId: string,
    t: string,
    through: number,
    more: string,
  ): ViewAt | undefined {
    const ms = Date.parse(t);
    if (!(ms >= MIN_KEY_MS && ms <= MAX_KEY_MS)) return undefined;
    const key = timeKey(t);
    const table = this.queries.tables.timeline;
    const later = this.queries
      .prepare<{ r: number | null }>(
        // from the (small, covering) world-time index, not the rows with their JSON
        `SELECT min(revision) AS r FROM ${table} INDEXED BY ${table}_reported
         WHERE incident_id = ? AND reported_key > ? AND revision > 0`,
      )
      .get(incidentId, key)?.r;
    const prefix = later === null || later === undefined ? through : Math.min(later - 1, through);
    if (prefix < 1 || !this.anyDatedThrough(incidentId, prefix)) return undefined;
    const parts = this.partsAt(incidentId, prefix);
    if (!parts) return undefined;
    const rest = this.queries
      .prepare<{ entry_json: string }>(
        // which revisions from the world-time index, then only their rows
        `SELECT entry_json FROM ${table} WHERE incident_id = ? AND revision IN (
           SELECT revision FROM ${table} INDEXED BY ${table}_reported
           WHERE incident_id = ? AND reported_key <= ? AND revision > ? AND revision <= ?)
         ORDER BY revision`,
      )
      .all(incidentId, incidentId, key, prefix, through)
      .map((row) => eventOf(row.entry_json));
    const apply = (fold: IncidentFold, events: readonly RecordedIncidentEvent[]) =>
      foldReportedByInto(fold, events, t);
    return foldOntoVersionRows(parts.details, parts.claims, rest, apply, more);
  }

  /** Whether an event at revisions 1..`through` has a world time (usually the first one). */
  private anyDatedThrough(incidentId: string, through: number): boolean {
    const rows = this.queries
      .prepare<{ entry_json: string }>(
        `SELECT entry_json FROM ${this.queries.tables.timeline}
         WHERE incident_id = ? AND revision BETWEEN 1 AND ? ORDER BY revision`,
      )
      .iterate(incidentId, through);
    for (const row of rows) if (dated(eventOf(row.entry_json))) return true;
    return false;
  }

  /** The plain rule over the events that sort at or before T (and were recorded by `asOf`). */
  private reportedByFold(incidentId: string, t: string, asOf?: string): IncidentView | null {
    const table = this.queries.tables.timeline;
    const recorded = asOf === undefined ? '' : 'AND recorded_key <= ?';
    const limit = asOf === undefined ? [] : [timeKey(asOf)];
    const opening = this.queries
      .prepare<{ entry_json: string }>(
        `SELECT entry_json FROM ${table} WHERE incident_id = ? AND revision = 0 ${recorded}`,
      )
      .all(incidentId, ...limit);
    if (opening.length === 0) return null;
    const counted = this.queries
      .prepare<{ entry_json: string }>(
        `SELECT entry_json FROM ${table}
         WHERE incident_id = ? AND reported_key <= ? AND revision > 0 ${recorded}
         ORDER BY revision`,
      )
      .all(incidentId, timeKey(t), ...limit)
      .map((row) => eventOf(row.entry_json));
    // T before every world time: no counted event has one, yet some event (later) has
    if (!counted.some(dated) && this.anyDated(incidentId, recorded, limit)) return null;
    const state = foldReportedBy([eventOf(opening[0].entry_json), ...counted], t);
    return state && toIncidentView(state);
  }

  /** Whether any event after the opening (recorded by the limit, if any) has a world time. */
  private anyDated(incidentId: string, recorded: string, limit: string[]): boolean {
    const rows = this.queries
      .prepare<{ entry_json: string }>(
        `SELECT entry_json FROM ${this.queries.tables.timeline}
         WHERE incident_id = ? AND revision > 0 ${recorded} ORDER BY revision`,
      )
      .iterate(incidentId, ...limit);
    for (const row of rows) if (dated(eventOf(row.entry_json))) return true;
    return false;
  }

  /** The incident fields at revision N and its claims then (undefined past the read model). */
  private partsAt(incidentId: string, revision: number) {
    const t = this.queries.tables;
    const event = this.queries
      .prepare<{ entry_json: string }>(
        `SELECT entry_json FROM ${t.timeline} WHERE incident_id = ? AND revision = ?`,
      )
      .get(incidentId, revision);
    const detailsRow = this.queries
      .prepare<{ details_json: string }>(
        `SELECT details_json FROM ${t.detailVersions}
         WHERE incident_id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1`,
      )
      .get(incidentId, revision);
    if (!event || !detailsRow) return undefined;
    const entry = JSON.parse(event.entry_json) as TimelineEntry;
    const stored = JSON.parse(detailsRow.details_json) as IncidentDetails;
    const details: IncidentDetails = {
      ...stored,
      revision,
      position: entry.position,
      updatedAt: entry.recordedAt,
      assessments: stored.assessments ?? [],
    };
    const detailsJson = JSON.stringify(detailsInViewOrder(details));
    const claims = ClaimsAtRevision.read(this.queries, incidentId, revision, this.claimsPerPiece);
    return { details, detailsJson, claims };
  }
}

const parsedView = (claim: ClaimAt): ClaimView => JSON.parse(claim.json) as ClaimView;

const dated = (event: RecordedIncidentEvent): boolean => worldTimeOf(event) !== null;

/** The recorded event a timeline entry was made from (it keeps the event's data and metadata). */
function eventOf(json: string): RecordedIncidentEvent {
  const entry = JSON.parse(json) as TimelineEntry;
  return {
    type: entry.type,
    data: entry.data,
    eventId: entry.eventId,
    revision: entry.revision,
    position: entry.position,
    recordedAt: entry.recordedAt,
    recordedBy: entry.recordedBy,
  } as RecordedIncidentEvent;
}
