import { Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { RequireRole } from '../auth/roles.decorator.js';
import { NoQuery } from '../common/http/no-query.guard.js';
import { problem, ProblemError } from '../common/problem/problem.js';
import {
  ProjectionRebuild,
  RebuildInProgress,
  type RebuildStarted,
} from '../incidents/projections/projection-rebuild.js';

@ApiTags('operations')
@Controller('admin/projections')
export class RebuildController {
  constructor(private readonly rebuild: ProjectionRebuild) {}

  @Post('rebuild')
  @HttpCode(202)
  @RequireRole('admin')
  @NoQuery()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Rebuild every read model from the log',
    description:
      'Answers at once; the rebuild fills fresh tables from the start of the log while reads keep answering from ' +
      'the current ones, then swaps them in one transaction. `target` is the head of the log when it started. ' +
      'Progress (position, events/s) goes to the logs. Needs the admin role.',
  })
  @ApiAcceptedResponse({
    description: '`{ status: "rebuilding", target }`',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['rebuilding'] },
        target: { type: 'string', description: 'the log position the rebuild reaches at least' },
      },
    },
  })
  @ApiUnauthorizedResponse({ description: 'no or bad bearer token' })
  @ApiForbiddenResponse({ description: 'the token is not an admin' })
  @ApiConflictResponse({ description: 'a rebuild is already running' })
  async start(): Promise<RebuildStarted> {
    try {
      return await this.rebuild.start();
    } catch (error) {
      if (error instanceof RebuildInProgress) {
        throw new ProblemError(problem(409, 'rebuild-in-progress', 'a rebuild is already running'));
      }
      throw error;
    }
  }
}
