import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NoQuery } from '../../common/http/no-query.guard.js';
import type { ClaimHistory, ClaimView } from '../domain/view-types.js';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import { ClaimsQuery } from './dto/claims-query.dto.js';
import { claimNotFound, incidentNotFound } from './not-found.js';
import { claimsListPage } from '../../search/claims-list.js';
import type { Page } from './pages.js';
import { ReadRoute } from './read-route.decorator.js';
import { historySchema } from './timeline-schemas.js';
import { claimSchema, pageSchema } from './view-schemas.js';

@ApiTags('incidents')
@Controller('incidents')
export class ClaimsController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get(':id/claims')
  @ReadRoute(
    'An incident’s claims, in pages',
    'Claims as the current view shows them (retracted ones included), in first-reported order. Filters combine ' +
      '(AND): `state` (the dominant state), `flag` (any flag the claim has), `topic`, `kind`, `source` (a name ' +
      'anywhere in the current attribution chain, whole and case-insensitive) and `q` (full-text, as GET /search). ' +
      'Pass `nextCursor` as `cursor` for the next page (alone: it carries the filters; other filters, or a cursor of ' +
      'another listing, are a 400); it is absent on the last page. Claims reported meanwhile come at the end.',
    'unknown incident',
  )
  @ApiOkResponse({
    description: '`{ items: [claim], nextCursor? }`',
    schema: pageSchema(claimSchema),
  })
  claims(@Param('id') id: string, @Query() query: ClaimsQuery): Page<ClaimView> {
    if (!this.queries.exists(id)) throw incidentNotFound(id);
    return claimsListPage(this.queries, id, query);
  }

  @Get(':id/claims/:claimId')
  @ReadRoute(
    'One claim as it stands now',
    'The claim as it appears in the current view (retracted claims included).',
    'unknown incident or claim',
  )
  @ApiOkResponse({ description: 'the claim', schema: claimSchema })
  @NoQuery()
  claim(@Param('id') id: string, @Param('claimId') claimId: string): ClaimView {
    const claim = this.queries.claim(id, claimId);
    if (claim) return claim;
    throw this.queries.exists(id) ? claimNotFound(id, claimId) : incidentNotFound(id);
  }

  @Get(':id/claims/:claimId/history')
  @ReadRoute(
    'How a claim changed: who, when, and the claim after each change',
    'One version per event about the claim (its report, source revisions, our corrections, disputes of it, its retraction), oldest first.',
    'unknown incident or claim',
  )
  @ApiOkResponse({ description: '`{ claimId, versions }`', schema: historySchema })
  @NoQuery()
  history(@Param('id') id: string, @Param('claimId') claimId: string): ClaimHistory {
    const versions = this.queries.claimHistory(id, claimId);
    if (versions.length === 0) {
      throw this.queries.exists(id) ? claimNotFound(id, claimId) : incidentNotFound(id);
    }
    return { claimId, versions };
  }
}
