import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AlwaysPublic } from '../auth/roles.decorator.js';
import { problem, ProblemError } from '../common/problem/problem.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';

export interface Health {
  status: 'ok';
  store: string;
  position: string;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @AlwaysPublic()
  @ApiOperation({ summary: 'Whether the service and its event store answer, and the log head' })
  @ApiSecurity({})
  @ApiOkResponse({ description: '`{ status: "ok", store, position }`: the store answers' })
  @ApiServiceUnavailableResponse({ description: 'the event store is unreachable (problem+json)' })
  async health(): Promise<Health> {
    try {
      return { status: 'ok', store: this.store.kind, position: await this.store.head() };
    } catch {
      throw new ProblemError(problem(503, 'store-unavailable', 'the event store is unreachable'));
    }
  }
}
