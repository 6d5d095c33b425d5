import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.js';
import { problem, ProblemError } from '../../common/problem/problem.js';
import { streamIdOf } from '../domain/events.js';
import {
  foldAsOf,
  foldReportedBy,
  foldReportedByAsOf,
  foldToRevision,
} from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import type { IncidentView } from '../domain/view-types.js';
import { ByteBoundedCache } from '../../common/cache/byte-bounded-cache.js';
import type { ViewPieces } from '../projections/fold-onto-version-rows.js';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import { TimeTravelRows } from '../projections/time-travel-rows.js';
import type { ViewAt } from '../projections/view-at.js';
import { IncidentEvents } from './incident-events.service.js';
import { incidentNotFound, revisionNotFound } from './not-found.js';
import { SNAPSHOT_FROM_CLAIMS, ViewSnapshots } from './view-snapshot.js';

/**
 * A time-travel answer from the read model's rows, named by `key` for good (a view at a revision
 * never changes), made only as it is sent (time-travel-body.ts): its bytes kept from before,
 * or streamed from a read snapshot, or made whole and kept. Making it throws the 404s.
 */
export interface TravelAnswer {
  key: string;
  /** Its bytes when kept. */
  kept(): ViewPieces | undefined;
  /** Begun on a read snapshot of its own; undefined for a small view or no snapshot free. */
  streamed(): StreamedView | undefined;
  /** Made whole now, in byte pieces, and kept. */
  whole(): ViewPieces;
}

/** A view read as it is written out: every row from the snapshot it began on; end() ends it. */
export interface StreamedView {
  revision: number;
  texts: Iterable<string>;
  end(): void;
}

/** A view: JSON text and the revision it is at (its ETag), or a time-travel answer to make. */
export type ViewBody = { json: string; revision: number } | TravelAnswer;

/**
 * Time-travel answers kept, in bytes. A view at a revision never changes (events are immutable),
 * and a mid-story view of a big incident is tens of MB that take longer to gather than to send:
 * a dashboard scrubbing back and forth asks for the same few again.
 */
const KEPT_ANSWER_BYTES = 64 * 1024 * 1024;

const sizeOf = (view: ViewPieces): number =>
  view.pieces.reduce((total, piece) => total + piece.length, 0);

/**
 * A moment to view: system time (`asOf`), world time (`reportedBy`, with `asOf` the bitemporal
 * view) or a revision (the controller checks that `revision` comes alone).
 */
export type PointInTime =
  { asOf: string } | { reportedBy: string; asOf?: string } | { revision: number };

type ReportedBy = { reportedBy: string; asOf?: string };

const body = (view: IncidentView): ViewBody => ({
  json: JSON.stringify(view),
  revision: view.revision,
});

/**
 * The time-travel views of GET /incidents/:id, and the views of /diff (the current view is sent
 * from kept bytes: current-view-body.ts). From the read model's rows when it holds the whole
 * stream (checked by reading the one event after its revision, if any); otherwise, while the
 * projection lags or for a stream recorded out of clock order, from a fold of the stream.
 */
@Injectable()
export class ViewReader implements OnModuleDestroy {
  private readonly rows: TimeTravelRows;
  private readonly answers = new ByteBoundedCache<ViewPieces>(KEPT_ANSWER_BYTES, sizeOf);
  private readonly snapshots: ViewSnapshots;

  constructor(
    private readonly queries: ReadModelQueries,
    private readonly events: IncidentEvents,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.rows = new TimeTravelRows(queries);
    this.snapshots = new ViewSnapshots(queries.file());
  }

  onModuleDestroy(): void {
    this.snapshots.close();
  }

  async at(incidentId: string, point: PointInTime): Promise<ViewBody> {
    const head = await this.projectedHead(incidentId);
    if (head === undefined) return body(await this.folded(incidentId, point));
    if ('revision' in point) {
      if (point.revision > head) throw revisionNotFound(incidentId, point.revision, head);
      return this.atRevision(incidentId, point.revision);
    }
    if ('reportedBy' in point) {
      // the answer follows from the two times and the events through the head
      const asOf = point.asOf === undefined ? '' : Date.parse(point.asOf);
      const key = `${this.scopeOf(incidentId)}reportedBy=${Date.parse(point.reportedBy)}&asOf=${asOf}@${head}`;
      const basis = `,"basis":${JSON.stringify(basisOf(point))}`;
      return this.answer(key, incidentId, (rows) => {
        const view = rows.reportedByView(incidentId, point.reportedBy, point.asOf, basis, head);
        if (!view) throw nothingReportedBy(incidentId, point);
        return view;
      });
    }
    const asOf = this.rows.asOfRevision(incidentId, point.asOf);
    if (asOf === 'none') throw notYetRecorded(incidentId, point.asOf);
    if (asOf === 'not-prefix') return body(await this.folded(incidentId, point));
    return this.atRevision(incidentId, asOf.revision);
  }

  /** The views after revisions `from` and `to` (from ≤ to). */
  async pair(incidentId: string, from: number, to: number): Promise<[IncidentView, IncidentView]> {
    const head = await this.projectedHead(incidentId);
    if (head !== undefined) {
      if (to > head) throw revisionNotFound(incidentId, to, head);
      const before = this.rows.atRevision(incidentId, from);
      const after = this.rows.atRevision(incidentId, to);
      if (before && after) return [before, after];
    }
    const events = await this.events.load(incidentId);
    const last = events[events.length - 1].revision;
    if (to > last) throw revisionNotFound(incidentId, to, last);
    const before = foldToRevision(events, from);
    const after = foldToRevision(events, to);
    if (!before || !after) throw revisionNotFound(incidentId, from, last);
    return [toIncidentView(before), toIncidentView(after)];
  }

  private atRevision(incidentId: string, revision: number): ViewBody {
    return this.answer(`${this.scopeOf(incidentId)}revision=${revision}`, incidentId, (rows) => {
      const view = rows.atRevisionView(incidentId, revision);
      if (view === undefined) throw incidentNotFound(incidentId);
      return view;
    });
  }

  /** Names the incident in the current generation of the read model (a rebuild makes another). */
  private scopeOf(incidentId: string): string {
    return `${this.queries.tables.incidents}/${incidentId}?`;
  }

  /** The answer named `key`, which `make` makes from the rows it is given. */
  private answer(
    key: string,
    incidentId: string,
    make: (rows: TimeTravelRows) => ViewAt,
  ): TravelAnswer {
    return {
      key,
      kept: () => this.answers.get(key),
      whole: () => {
        const view = this.queries.read(() => {
          const made = make(this.rows);
          return { pieces: made.pieces(), revision: made.revision };
        });
        this.answers.set(key, view);
        return view;
      },
      streamed: () => {
        if ((this.claimCount(incidentId) ?? 0) < SNAPSHOT_FROM_CLAIMS) return undefined;
        const snapshot = this.snapshots.open(this.queries.tables);
        if (!snapshot) return undefined;
        try {
          const view = make(new TimeTravelRows(snapshot));
          return { revision: view.revision, texts: view.texts(), end: () => snapshot.end() };
        } catch (error) {
          snapshot.end();
          throw error;
        }
      },
    };
  }

  /** The incident's claims now (a view at any revision has at most as many). */
  private claimCount(incidentId: string): number | undefined {
    return this.queries
      .prepare<{ claims: number }>(
        `SELECT claim_count AS claims FROM ${this.queries.tables.incidents} WHERE incident_id = ?`,
      )
      .get(incidentId)?.claims;
  }

  /** The incident's revision in the read model when no later event is in the store. */
  private async projectedHead(incidentId: string): Promise<number | undefined> {
    const revision = this.queries.revision(incidentId);
    if (revision === undefined) return undefined;
    const later = await this.store.readStream(streamIdOf(incidentId), {
      from: revision + 1,
      limit: 1,
    });
    return later.length === 0 ? revision : undefined;
  }

  /** The plain fold of the whole stream (the rules every faster path must match). */
  private async folded(incidentId: string, point: PointInTime): Promise<IncidentView> {
    const events = await this.events.load(incidentId);
    const head = events[events.length - 1].revision;
    if ('revision' in point && point.revision > head) {
      throw revisionNotFound(incidentId, point.revision, head);
    }
    if ('reportedBy' in point) {
      const { reportedBy, asOf } = point;
      const state =
        asOf === undefined
          ? foldReportedBy(events, reportedBy)
          : foldReportedByAsOf(events, reportedBy, asOf);
      if (!state) throw nothingReportedBy(incidentId, point);
      return withBasis(toIncidentView(state), point);
    }
    const state =
      'asOf' in point ? foldAsOf(events, point.asOf) : foldToRevision(events, point.revision);
    if (!state) throw notYetRecorded(incidentId, 'asOf' in point ? point.asOf : undefined);
    return toIncidentView(state);
  }
}

/** A reportedBy view says which times it was asked for, so it is not taken for `?revision=`. */
function withBasis(view: IncidentView, point: ReportedBy): IncidentView {
  return { ...view, basis: basisOf(point) };
}

function basisOf({ reportedBy, asOf }: ReportedBy) {
  return { reportedBy: utc(reportedBy), ...(asOf !== undefined && { asOf: utc(asOf) }) };
}

const utc = (time: string): string => new Date(Date.parse(time)).toISOString();

function nothingReportedBy(incidentId: string, { reportedBy, asOf }: ReportedBy): ProblemError {
  const detail =
    asOf !== undefined
      ? `nothing of incident ${incidentId} recorded by ${asOf} had been reported by ${reportedBy}`
      : `nothing of incident ${incidentId} had been reported by ${reportedBy}`;
  return new ProblemError(problem(404, 'incident-not-found', detail));
}

function notYetRecorded(incidentId: string, asOf: string | undefined): ProblemError {
  return new ProblemError(
    problem(404, 'incident-not-found', `incident ${incidentId} was not yet recorded at ${asOf}`),
  );
}
