import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TimelineEntry } from '../domain/view-types.js';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import { TimelineQuery } from './dto/timeline-query.dto.js';
import { incidentNotFound } from './not-found.js';
import { type Page, timelinePage } from './pages.js';
import { ReadRoute } from './read-route.decorator.js';
import { timelinePageSchema } from './timeline-schemas.js';

@ApiTags('incidents')
@Controller('incidents')
export class TimelineController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get(':id/timeline')
  @ReadRoute(
    'The timeline of an incident: one entry per event',
    '`by=recorded` (default) orders by revision, i.e. as storyline recorded the events; `by=reported` by world ' +
      'time (`reportedAt`; editorial events without one on `recordedAt`; a correction on its claim’s first ' +
      '`reportedAt`; an undated dispute on the later of its two claims’ first `reportedAt`), then revision. ' +
      '`order=desc` reverses either. `after=N` keeps only entries with a revision above N, whatever the order. ' +
      'Pass `nextCursor` as `cursor` for the next page: it remembers its `order` and `by` (another one is a 400); ' +
      'it is absent on the last page.',
    'unknown incident',
  )
  @ApiOkResponse({ description: '`{ items: [entry], nextCursor? }`', schema: timelinePageSchema })
  timeline(@Param('id') id: string, @Query() query: TimelineQuery): Page<TimelineEntry> {
    if (!this.queries.exists(id)) throw incidentNotFound(id);
    return timelinePage(this.queries, id, query);
  }
}
