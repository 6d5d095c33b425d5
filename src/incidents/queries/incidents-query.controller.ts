import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { problem, ProblemError } from '../../common/problem/problem.js';
import {
  foldAsOf,
  foldReportedBy,
  foldReportedByAsOf,
  foldToRevision,
} from '../domain/time-travel.js';
import { toIncidentView } from '../domain/view.js';
import type { IncidentView } from '../domain/view-types.js';
import type { IncidentSummary } from '../projections/incident-summary.js';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import { IncidentListQuery } from './dto/incident-list-query.dto.js';
import { IncidentViewQuery } from './dto/incident-view-query.dto.js';
import { IncidentEvents } from './incident-events.service.js';
import { incidentNotFound, revisionNotFound } from './not-found.js';
import { incidentPage, type Page } from './pages.js';
import { ReadRoute } from './read-route.decorator.js';
import { summaryPageSchema, viewSchema } from './view-schemas.js';

const TIME_TRAVEL = ['asOf', 'reportedBy', 'revision'] as const;

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsQueryController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly events: IncidentEvents,
  ) {}

  @Get()
  @ReadRoute(
    'List incidents, most recently updated first',
    'Filters combine (AND). `q` finds text in the title, summary or place name, ignoring case; ' +
      '`tag` matches one tag exactly. Paging is by keyset on the position of each incident’s latest event: ' +
      'pass `nextCursor` as `cursor` (with the same filters) for the next page; it is absent on the last page. ' +
      'No incident appears twice while you page; one updated meanwhile moves to the front (fetch the first page again to see it).',
  )
  @ApiOkResponse({ description: '`{ items: [summary], nextCursor? }`', schema: summaryPageSchema })
  list(@Query() query: IncidentListQuery): Page<IncidentSummary> {
    return incidentPage(this.queries, query);
  }

  @Get(':id')
  @ReadRoute(
    'The view of an incident: now, or at a past moment',
    'Without parameters: the current view from the read model. `asOf` (system time: the events recorded by then), ' +
      '`reportedBy` (world time: the events whose world time is at or before it, in stream order; corrections and ' +
      'undated disputes whenever their claims are in the view) or both together (bitemporal: the story as reported ' +
      'by `reportedBy`, from what was recorded by `asOf`); or `revision` alone (after that event). `revision` with ' +
      'either time is a 400. A `revision` beyond the latest, an `asOf` before the incident was recorded, or a ' +
      '`reportedBy` before every world time of the incident is a 404. A `reportedBy` view carries `basis` and its ' +
      '`revision` is the highest revision it folded. `ETag` is the revision of the view returned; ' +
      '`If-None-Match` with it answers 304.',
    'unknown incident, a revision beyond the latest, or no view at that time',
  )
  @ApiOkResponse({
    description: 'the view',
    schema: viewSchema,
    headers: {
      ETag: { description: 'the revision of this view, e.g. "7"', schema: { type: 'string' } },
    },
  })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'an ETag seen before: 304 if unchanged',
  })
  async view(
    @Param('id') id: string,
    @Query() query: IncidentViewQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IncidentView> {
    const view = await this.viewFor(id, query);
    // express answers 304 itself when If-None-Match matches this ETag
    res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  private async viewFor(id: string, query: IncidentViewQuery): Promise<IncidentView> {
    const chosen = TIME_TRAVEL.filter((name) => query[name] !== undefined);
    if (query.revision !== undefined && chosen.length > 1) {
      const message = `revision cannot be combined with asOf or reportedBy (got ${chosen.join(', ')})`;
      throw new ProblemError(
        problem(400, 'validation', message, {
          errors: chosen.map((field) => ({ field, message })),
        }),
      );
    }
    if (chosen.length === 0) {
      const view = this.queries.view(id);
      if (!view) throw incidentNotFound(id);
      return view;
    }
    const events = await this.events.load(id);
    const head = events[events.length - 1].revision;
    if (query.revision !== undefined && query.revision > head) {
      throw revisionNotFound(id, query.revision, head);
    }
    const { asOf, reportedBy } = query;
    const state =
      reportedBy !== undefined
        ? asOf !== undefined
          ? foldReportedByAsOf(events, reportedBy, asOf)
          : foldReportedBy(events, reportedBy)
        : asOf !== undefined
          ? foldAsOf(events, asOf)
          : foldToRevision(events, query.revision ?? head);
    if (!state) throw nothingAt(id, query);
    const view = toIncidentView(state);
    if (reportedBy === undefined) return view;
    const basis = { reportedBy: utc(reportedBy), ...(asOf !== undefined && { asOf: utc(asOf) }) };
    return { ...view, basis };
  }
}

const utc = (time: string): string => new Date(Date.parse(time)).toISOString();

function nothingAt(id: string, { asOf, reportedBy }: IncidentViewQuery): ProblemError {
  const detail =
    asOf !== undefined && reportedBy === undefined
      ? `incident ${id} was not yet recorded at ${asOf}`
      : asOf !== undefined
        ? `nothing of incident ${id} recorded by ${asOf} had been reported by ${reportedBy}`
        : `nothing of incident ${id} had been reported by ${reportedBy}`;
  return new ProblemError(problem(404, 'incident-not-found', detail));
}
