import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '../incidents/queries/pages.js';
import { ReadRoute } from '../incidents/queries/read-route.decorator.js';
import { problem, ProblemError } from '../common/problem/problem.js';
import { claimText } from './claim-filter.js';
import { wordsOrRefuse } from './fts-query.js';
import { continueListing, isOffset, listingCursor } from './listing-cursor.js';
import { SearchQueries } from './search-queries.js';
import { SearchQuery } from './search-query.dto.js';
import { searchPageSchema } from './search-schemas.js';

export interface SearchHit {
  incidentId: string;
  claimId: string;
  text: string;
  source: string;
  reportedAt: string;
  state: string;
}

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchQueries) {}

  @Get()
  @ReadRoute(
    'Claims across every incident, found by their words',
    'Every word of `q` must be in the claim’s text (a casualty report: its groups and wordings) or the names ' +
      'and roles of its attribution chain; the last word matches as a prefix. Case and diacritics are folded ' +
      '(`unicode61 remove_diacritics 2`); Arabic and other scripts are found word by word. Words are plain text: ' +
      'quotes, `*`, `-`, `NEAR` and brackets have no special meaning; a `q` with no letter or digit is a 400. ' +
      'Ranked by relevance (bm25), then the most recently reported first; paged by offset: `nextCursor` carries ' +
      '`q`, so pass it as `cursor` alone.',
  )
  @ApiOkResponse({ description: '`{ items: [hit], nextCursor? }`', schema: searchPageSchema })
  find(@Query() query: SearchQuery): Page<SearchHit> {
    const { filters, at } = continueListing('search', query.cursor, { q: query.q }, isOffset);
    if (filters.q === undefined) {
      const message = 'is required (or a cursor)';
      throw new ProblemError(
        problem(400, 'validation', `q: ${message}`, { errors: [{ field: 'q', message }] }),
      );
    }
    const offset = at?.o ?? 0;
    const rows = this.search.claims(wordsOrRefuse(filters.q), offset, query.limit + 1);
    const items = rows.slice(0, query.limit).map(({ incidentId, claim }) => ({
      incidentId,
      claimId: claim.claimId,
      text: claimText(claim),
      source: claim.source,
      reportedAt: claim.reportedAt,
      state: claim.state,
    }));
    return {
      items,
      ...(rows.length > query.limit && {
        nextCursor: listingCursor('search', filters, { o: offset + query.limit }),
      }),
    };
  }
}
