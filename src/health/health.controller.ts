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
import { AppConfig } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { storageFault } from './storage-probe.js';

export interface Health {
  status: 'ok';
  store: string;
  position: string;
}

/** A part of the service that cannot do its work, and why. */
export interface DownPart {
  part: 'store' | 'read model';
  reason: string;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @AlwaysPublic()
  @ApiOperation({ summary: 'Whether the service and its event store answer, and the log head' })
  @ApiSecurity({})
  @ApiOkResponse({
    description: '`{ status: "ok", store, position }`: the store answers and can take writes',
  })
  @ApiServiceUnavailableResponse({
    description:
      'the store is unreachable or cannot take writes (disk full, read-only), or the read model cannot: ' +
      'problem+json whose `down` lists each part (`store`, `read model`) with its reason',
  })
  async health(): Promise<Health> {
    const down: DownPart[] = [];
    let position: string | undefined;
    try {
      position = await this.store.head();
    } catch {
      down.push({ part: 'store', reason: 'the event store is unreachable' });
    }
    const storeFile = this.config.store.startsWith('sqlite:')
      ? this.config.store.slice('sqlite:'.length)
      : undefined;
    const minFree = this.config.limits.minFreeBytes;
    const storeFault = storeFile === undefined ? undefined : storageFault(storeFile, minFree);
    if (storeFault && down.length === 0) down.push({ part: 'store', reason: storeFault });
    const readModelFault =
      this.config.readModelFile === storeFile && storeFault
        ? storeFault
        : storageFault(this.config.readModelFile, minFree);
    if (readModelFault) down.push({ part: 'read model', reason: readModelFault });
    if (down.length > 0 || position === undefined) {
      const detail = down.map((d) => `${d.part}: ${d.reason}`).join('; ');
      throw new ProblemError(
        problem(503, 'store-unavailable', detail, {
          store: this.store.kind,
          down,
          ...(position !== undefined && { position }),
        }),
      );
    }
    return { status: 'ok', store: this.store.kind, position };
  }
}
