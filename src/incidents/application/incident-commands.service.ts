import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.js';
import { DomainError } from '../domain/errors.js';
import { ApplicationError } from './application-errors.js';
import { DecideBatches } from './decide-batch.js';
import { IdempotencyKeys, type KeyedWrite } from './idempotency-keys.js';
import { IdempotencyStore } from './idempotency-store.js';
import { IncidentFolds } from './incident-folds.js';
import { IncidentStateCache } from './incident-state-cache.js';
import { ReadModelProgress } from './read-model-progress.js';
import type { WriteRequest } from './write-request.js';
import type { WriteResult } from './write-result.js';

export type { WriteRequest } from './write-request.js';

/** How long a write waits for the read model before answering anyway. */
const READ_YOUR_WRITES_TIMEOUT_MS = 2000;

/** The one command path: HTTP writes and the demo story both go through `execute`. */
@Injectable()
export class IncidentCommands implements OnModuleDestroy {
  private readonly logger = new Logger(IncidentCommands.name);

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyStore,
    @Optional() private readonly progress?: ReadModelProgress,
    // shared with the projection writer (ProjectionsModule), so a big incident is folded once
    @Optional() folds?: IncidentFolds,
  ) {
    this.batches = new DecideBatches(store, new IncidentStateCache(store, folds), clock);
    this.keys = new IdempotencyKeys(store, idempotency, () => clock.now());
  }

  /** Writes to one incident are decided in batches, one append (one commit) per batch. */
  private readonly batches: DecideBatches;
  private readonly keys: IdempotencyKeys;

  onModuleDestroy(): void {
    this.idempotency.close();
  }

  async execute(request: WriteRequest): Promise<WriteResult> {
    const keyed = keyedWrite(request);
    if (keyed) {
      const answered = await this.keys.reserve(keyed);
      if (answered) return answered;
    }
    let result: WriteResult;
    try {
      result = await this.batches.submit(request);
    } catch (error) {
      // a refusal stored nothing: the key may carry another request
      if (keyed && (error instanceof DomainError || error instanceof ApplicationError))
        await this.keys.release(keyed);
      throw error;
    }
    if (this.progress) {
      const applied = await this.progress.waitFor(result.position, READ_YOUR_WRITES_TIMEOUT_MS);
      if (!applied)
        this.logger.warn({ msg: 'read model lagging behind a write', position: result.position });
    }
    if (keyed) this.keys.remember(keyed, result, this.clock.now());
    return result;
  }
}

function keyedWrite(request: WriteRequest): KeyedWrite | undefined {
  const { idempotency, principal, command } = request;
  return idempotency
    ? { principal: principal.name, ...idempotency, incidentId: command.incidentId }
    : undefined;
}
