import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ExpensiveReadsInterceptor } from '../../common/load/expensive-reads.interceptor.js';
import { problem, ProblemError } from '../../common/problem/problem.js';
import { diffViews } from '../domain/diff.js';
import type { ViewDiff } from '../domain/view-types.js';
import { DiffQuery } from './dto/diff-query.dto.js';
import { ReadRoute } from './read-route.decorator.js';
import { diffSchema } from './timeline-schemas.js';
import { ViewReader } from './view-reader.service.js';

@ApiTags('incidents')
@Controller('incidents')
export class DiffController {
  constructor(private readonly views: ViewReader) {}

  @Get(':id/diff')
  @UseInterceptors(ExpensiveReadsInterceptor)
  @ReadRoute(
    'What changed between two revisions, claim by claim',
    'Compares the view after revision `from` with the view after revision `to`. Both are required and ' +
      '`from` ≤ `to` (else 400); equal revisions give no changes. A revision beyond the latest is a 404.',
    'unknown incident, or a revision beyond the latest',
  )
  @ApiOkResponse({ description: '`{ from, to, changes }`', schema: diffSchema })
  async diff(@Param('id') id: string, @Query() query: DiffQuery): Promise<ViewDiff> {
    if (query.from > query.to) {
      const message = 'from must not be after to';
      throw new ProblemError(
        problem(400, 'validation', message, { errors: [{ field: 'from', message }] }),
      );
    }
    const [before, after] = await this.views.pair(id, query.from, query.to);
    return diffViews(before, after);
  }
}
