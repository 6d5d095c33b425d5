import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NoQuery } from '../common/http/no-query.guard.js';
import { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { incidentNotFound } from '../incidents/queries/not-found.js';
import { ReadRoute } from '../incidents/queries/read-route.decorator.js';
import { csv } from './csv.js';
import { CASUALTIES_HEADER, casualtyRows, claimRows, CLAIMS_HEADER } from './export-rows.js';

const CSV_RESPONSE = {
  description: 'RFC 4180 CSV, UTF-8, with a header row',
  schema: { type: 'string' },
};

@ApiTags('exports')
@Controller('incidents')
export class ExportsController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get(':id/claims.csv')
  @ReadRoute(
    'The incident’s claims as CSV',
    'One row per claim in first-reported order: its current content (text, or figures in words), the attribution ' +
      'chain as text ("name (kind, role) > relay (kind)"), flags (space-separated), grade, reportedAt, first ' +
      "reportedAt, versions. Cells beginning with `=`, `+`, `-` or `@` are prefixed with `'`.",
    'unknown incident',
  )
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @NoQuery()
  claims(@Param('id') id: string, @Res() res: Response): void {
    if (!this.queries.exists(id)) throw incidentNotFound(id);
    send(res, `${id}-claims.csv`, csv(CLAIMS_HEADER, claimRows(this.queries, id)));
  }

  @Get(':id/casualties.csv')
  @ReadRoute(
    'Every casualty figure ever reported in the incident, as CSV',
    'One row per figure of every casualty report, source revision and correction (oldest first per claim), with ' +
      'its source, world and recorded times, and whether the claim was later retracted. For a spreadsheet or a chart.',
    'unknown incident',
  )
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_RESPONSE)
  @NoQuery()
  casualties(@Param('id') id: string, @Res() res: Response): void {
    if (!this.queries.exists(id)) throw incidentNotFound(id);
    send(res, `${id}-casualties.csv`, csv(CASUALTIES_HEADER, casualtyRows(this.queries, id)));
  }
}

function send(res: Response, filename: string, body: string): void {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="${filename}"`)
    .send(body);
}
