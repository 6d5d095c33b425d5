import { Body, Controller, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { currentRequestId } from '../../common/logging/request-context.js';
import { shortId } from '../application/deterministic-ids.js';
import { IncidentCommands } from '../application/incident-commands.service.js';
import type { WriteResult } from '../application/write-result.js';
import type { Command } from '../domain/commands.js';
import {
  CorrectClaimDto,
  DisputeClaimDto,
  ReportCasualtiesDto,
  ReportStatementDto,
  RetractClaimDto,
  ReviseClaimDto,
} from './dto/claim.dto.js';
import { ChangeStatusDto, OpenIncidentDto, ReviseIncidentDto } from './dto/incident.dto.js';
import { IdParams, ClaimParams } from './dto/params.dto.js';
import { idempotencyOf, ifMatchOf } from './write-headers.js';
import { jsonCopy } from './json-copy.js';
import { WriteRoute } from './write-route.decorator.js';

/** Translates each write route into a domain command and runs it through the one command path. */
@ApiTags('writes')
@Controller('incidents')
export class IncidentWritesController {
  constructor(private readonly commands: IncidentCommands) {}

  @Post()
  @WriteRoute('reporter', 'Open an incident (status developing); Location: /incidents/<id>')
  async open(
    @Body() body: OpenIncidentDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WriteResult> {
    const incidentId = body.incidentId ?? this.generated('i', principal, req);
    const result = await this.run(req, principal, { type: 'OpenIncident', ...body, incidentId });
    res.location(`/incidents/${result.incidentId}`);
    return result;
  }

  @Patch(':id')
  @WriteRoute(
    'editor',
    "Revise the incident's own details (title, summary, location, occurredAt, tags)",
  )
  revise(
    @Param() { id }: IdParams,
    @Body() body: ReviseIncidentDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'ReviseIncidentDetails', ...body, incidentId: id });
  }

  @Post(':id/status')
  @WriteRoute(
    'reporter',
    'Change the status (developing, disputed, confirmed, acknowledged, closed)',
  )
  changeStatus(
    @Param() { id }: IdParams,
    @Body() body: ChangeStatusDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'ChangeStatus', ...body, incidentId: id });
  }

  @Post(':id/statements')
  @WriteRoute('reporter', 'Record what a source said (a new claim)')
  reportStatement(
    @Param() { id }: IdParams,
    @Body() body: ReportStatementDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    const claimId = body.claimId ?? this.generated('c', principal, req);
    return this.run(req, principal, { type: 'ReportStatement', ...body, incidentId: id, claimId });
  }

  @Post(':id/casualty-reports')
  @WriteRoute('reporter', 'Record casualty figures a source gave (a new claim)')
  reportCasualties(
    @Param() { id }: IdParams,
    @Body() body: ReportCasualtiesDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    const claimId = body.claimId ?? this.generated('c', principal, req);
    return this.run(req, principal, {
      type: 'ReportCasualtyFigures',
      ...body,
      incidentId: id,
      claimId,
    });
  }

  @Post(':id/claims/:claimId/revisions')
  @WriteRoute('reporter', 'The source itself changed its claim (new text or figures)')
  reviseClaim(
    @Param() { id, claimId }: ClaimParams,
    @Body() body: ReviseClaimDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'ReviseClaim', ...body, incidentId: id, claimId });
  }

  @Post(':id/claims/:claimId/corrections')
  @WriteRoute('editor', 'Fix our own record of a claim (a transcription error), with a reason')
  correct(
    @Param() { id, claimId }: ClaimParams,
    @Body() body: CorrectClaimDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'CorrectClaim', ...body, incidentId: id, claimId });
  }

  @Post(':id/claims/:claimId/disputes')
  @WriteRoute('reporter', 'Record that another claim of this incident contradicts this one')
  dispute(
    @Param() { id, claimId }: ClaimParams,
    @Body() body: DisputeClaimDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'DisputeClaim', ...body, incidentId: id, claimId });
  }

  @Post(':id/claims/:claimId/retractions')
  @WriteRoute('reporter', 'The source withdrew the claim')
  retract(
    @Param() { id, claimId }: ClaimParams,
    @Body() body: RetractClaimDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'RetractClaim', ...body, incidentId: id, claimId });
  }

  /** With an Idempotency-Key, a generated id is derived from it so a retry names the same thing. */
  private generated(prefix: string, principal: Principal, req: Request): string {
    // the key alone (run() validates it and hashes the request once)
    const key = req.header('idempotency-key');
    return key === undefined ? shortId(prefix) : shortId(prefix, principal.name, key);
  }

  private run(req: Request, principal: Principal, command: Command): Promise<WriteResult> {
    return this.commands.execute({
      command: jsonCopy(command),
      principal,
      correlationId: currentRequestId() ?? 'none',
      ifMatch: ifMatchOf(req),
      idempotency: idempotencyOf(req),
    });
  }
}
