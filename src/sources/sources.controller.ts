import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { problem, ProblemError } from '../common/problem/problem.js';
import { ATTRIBUTION_KINDS } from '../incidents/domain/events.js';
import { isRecord } from '../incidents/queries/cursor.js';
import type { Page } from '../incidents/queries/pages.js';
import { ReadRoute } from '../incidents/queries/read-route.decorator.js';
import { continueListing, isOffset, listingCursor } from '../search/listing-cursor.js';
import { type SourceClaim, SourceQueries, type SourceRecord } from './source-queries.js';
import { sourceClaimsPageSchema, sourcesPageSchema } from './source-schemas.js';
import { SourceClaimsQuery, SourcesQuery } from './sources-query.dto.js';
import { sourceKey } from './source-tables.js';

const isAfter = (at: unknown): at is { i: string; c: number } =>
  isRecord(at) && typeof at.i === 'string' && Number.isSafeInteger(at.c);

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourceQueries) {}

  @Get()
  @ReadRoute(
    'Every speaker and outlet, with its track record',
    'One entry per source (kind and case-folded name) seen in a claim’s current attribution chain. Counts are ' +
      'over those claims: as original speaker or as relay, and how many are revised, corrected, disputed, ' +
      'supported or retracted now; a revision or correction that changes a chain moves the counts. The dates span ' +
      'the reports, revisions and retractions of those claims. Most claims first, then by name; `q` is a part ' +
      'of the name. Paged by offset: `nextCursor` carries `q` and `kind`.',
  )
  @ApiOkResponse({ description: '`{ items: [record], nextCursor? }`', schema: sourcesPageSchema })
  list(@Query() query: SourcesQuery): Page<SourceRecord> {
    const given = { q: query.q, kind: query.kind };
    const { filters, at } = continueListing('sources', query.cursor, given, isOffset);
    const offset = at?.o ?? 0;
    const rows = this.sources.records(filters, offset, query.limit + 1);
    return {
      items: rows.slice(0, query.limit),
      ...(rows.length > query.limit && {
        nextCursor: listingCursor('sources', filters, { o: offset + query.limit }),
      }),
    };
  }

  @Get(':kind/:name/claims')
  @ReadRoute(
    'A source’s claims across incidents',
    'The claims whose current attribution chain names the source (its name matched case-insensitively), by ' +
      'incident and first-reported order, each with its incident. Paged by keyset.',
    'no claim names this source',
  )
  @ApiOkResponse({
    description: '`{ items: [{ incidentId, claim }], nextCursor? }`',
    schema: sourceClaimsPageSchema,
  })
  claims(
    @Param('kind') kind: string,
    @Param('name') name: string,
    @Query() query: SourceClaimsQuery,
  ): Page<SourceClaim> {
    if (!(ATTRIBUTION_KINDS as readonly string[]).includes(kind)) {
      const message = `must be one of ${ATTRIBUTION_KINDS.join(', ')}`;
      throw new ProblemError(
        problem(400, 'validation', `kind: ${message}`, { errors: [{ field: 'kind', message }] }),
      );
    }
    if (!this.sources.exists(kind, name)) {
      throw new ProblemError(problem(404, 'source-not-found', `no claim names ${kind} ${name}`));
    }
    const listing = `source:${kind}:${sourceKey(name)}`;
    const { at } = continueListing(listing, query.cursor, {}, isAfter);
    const rows = this.sources.claims(kind, name, at ?? { i: '', c: -1 }, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ incidentId, claim }) => ({ incidentId, claim })),
      ...(rows.length > query.limit &&
        last && { nextCursor: listingCursor(listing, {}, { i: last.incidentId, c: last.seq }) }),
    };
  }
}
