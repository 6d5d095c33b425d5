import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { currentRequestId } from '../../common/logging/request-context.js';
import { IncidentCommands } from '../application/incident-commands.service.js';
import type { WriteResult } from '../application/write-result.js';
import type { Command } from '../domain/commands.js';
import { AssessCasualtiesDto, SupportClaimDto } from './dto/analysis.dto.js';
import { ClaimParams, IdParams } from './dto/params.dto.js';
import { idempotencyOf, ifMatchOf } from './write-headers.js';
import { jsonCopy } from './json-copy.js';
import { WriteRoute } from './write-route.decorator.js';

/** The analyst's writes: a support between two claims, the desk's casualty assessment. */
@ApiTags('writes')
@Controller('incidents')
export class AnalysisWritesController {
  constructor(private readonly commands: IncidentCommands) {}

  @Post(':id/claims/:claimId/supports')
  @WriteRoute(
    'reporter',
    'Record that another claim of this incident corroborates this one (event ClaimSupported)',
  )
  support(
    @Param() { id, claimId }: ClaimParams,
    @Body() body: SupportClaimDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'SupportClaim', ...body, incidentId: id, claimId });
  }

  @Post(':id/casualty-assessments')
  @WriteRoute(
    'editor',
    "The desk's own low / best / high estimate of a measure and group, with its basis and reason (event CasualtyEstimateAssessed); the latest per measure and group is shown in the view's casualties",
  )
  assess(
    @Param() { id }: IdParams,
    @Body() body: AssessCasualtiesDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WriteResult> {
    return this.run(req, principal, { type: 'AssessCasualties', ...body, incidentId: id });
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
