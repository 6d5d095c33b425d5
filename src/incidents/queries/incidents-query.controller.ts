import { Controller, Get, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ExpensiveReadsInterceptor } from '../../common/load/expensive-reads.interceptor.js';
import { problem, ProblemError } from '../../common/problem/problem.js';
import type { IncidentSummary } from '../wire/incident-summary.js';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import { IncidentListQuery } from './dto/incident-list-query.dto.js';
import { IncidentViewQuery } from './dto/incident-view-query.dto.js';
import { CurrentViewBodies } from './current-view-body.js';
import { incidentListPage } from '../../search/incident-list.js';
import { SearchQueries } from '../../search/search-queries.js';
import type { Page } from './pages.js';
import { ReadRoute } from './read-route.decorator.js';
import { TimeTravelBodies } from './time-travel-body.js';
import { type PointInTime, ViewReader } from './view-reader.service.js';
import { summaryPageSchema, viewSchema } from './view-schemas.js';

const TIME_TRAVEL = ['asOf', 'reportedBy', 'revision'] as const;

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsQueryController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly views: ViewReader,
    private readonly search: SearchQueries,
    private readonly current: CurrentViewBodies,
    private readonly travels: TimeTravelBodies,
  ) {}

  @Get()
  @ReadRoute(
    'List incidents, most recently updated first',
    'Filters combine (AND). `q` is full-text: every word must match (the last one as a prefix), across the ' +
      'title, summary, place, tags, claim texts and source names, diacritics and case folded; results are ranked by ' +
      'relevance (bm25) then recency, and paged by offset. Words are plain text (quotes, `*`, `-`, `NEAR`, brackets ' +
      'have no special meaning); a `q` with no letter or digit is a 400. `tag` matches one tag exactly. Without `q`, ' +
      'paging is by keyset on the position of each incident’s latest event: no incident appears twice while you ' +
      'page; one updated meanwhile moves to the front. `nextCursor` carries the filters: pass it as `cursor` alone ' +
      '(or with the same filters; other filters are a 400); it is absent on the last page.',
  )
  @ApiOkResponse({ description: '`{ items: [summary], nextCursor? }`', schema: summaryPageSchema })
  list(@Query() query: IncidentListQuery): Page<IncidentSummary> {
    return incidentListPage(this.queries, this.search, query);
  }

  @Get(':id')
  @UseInterceptors(ExpensiveReadsInterceptor)
  @ReadRoute(
    'The view of an incident: now, or at a past moment',
    'Without parameters: the current view from the read model. `asOf` (system time: the events recorded by then), ' +
      '`reportedBy` (world time: the events whose world time is at or before it, in stream order; corrections and ' +
      'undated disputes whenever their claims are in the view) or both together (bitemporal: the story as reported ' +
      'by `reportedBy`, from what was recorded by `asOf`); or `revision` alone (after that event). `revision` with ' +
      'either time is a 400. A `revision` beyond the latest, an `asOf` before the incident was recorded, or a ' +
      '`reportedBy` before every world time of the incident is a 404. A `reportedBy` view carries `basis` and its ' +
      '`revision` is the highest revision it folded. `ETag` is the revision of the view returned; ' +
      '`If-None-Match` with it answers 304. Time-travel views come from the read model’s rows (never a refold from ' +
      'revision 0), with the same rules as a fold of the stream. Bodies of 1 KiB or more are ' +
      'compressed (`br`, else `gzip`) when `Accept-Encoding` allows it. In an incident of 2,000 claims or more, the ' +
      'current view, and a past view the first time it is asked for (asked again it comes whole, with ' +
      '`Content-Length`), are streamed (chunked, no `Content-Length`), all of it at the revision its `ETag` names, ' +
      "though writes commit meanwhile. A big incident's claims also come in " +
      'pages: `GET /incidents/{id}/claims`.',
    'unknown incident, a revision beyond the latest, or no view at that time',
  )
  @ApiOkResponse({
    description: 'the view',
    schema: viewSchema,
    headers: {
      ETag: { description: 'the revision of this view, e.g. "7"', schema: { type: 'string' } },
      'Content-Encoding': {
        description: '`br` or `gzip` when the body is compressed',
        schema: { type: 'string' },
      },
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
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const point = this.pointOf(query);
    if (point) {
      const view = await this.views.at(id, point);
      await this.travels.send(req, res, view);
      return;
    }
    await this.current.send(req, res, id);
  }

  private pointOf(query: IncidentViewQuery): PointInTime | undefined {
    const chosen = TIME_TRAVEL.filter((name) => query[name] !== undefined);
    if (query.revision !== undefined && chosen.length > 1) {
      const message = `revision cannot be combined with asOf or reportedBy (got ${chosen.join(', ')})`;
      throw new ProblemError(
        problem(400, 'validation', message, {
          errors: chosen.map((field) => ({ field, message })),
        }),
      );
    }
    const { asOf, reportedBy, revision } = query;
    if (reportedBy !== undefined) return { reportedBy, ...(asOf !== undefined && { asOf }) };
    if (asOf !== undefined) return { asOf };
    if (revision !== undefined) return { revision };
    return undefined;
  }
}
