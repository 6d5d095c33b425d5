import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { problem, ProblemError } from '../../common/problem/problem.js';
import { Clock } from '../../common/clock.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.js';
import { DecideBatches } from './decide-batch.js';
import { IdempotencyStore } from './idempotency-store.js';
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyStore,
    @Optional() private readonly progress?: ReadModelProgress,
  ) {
    this.batches = new DecideBatches(store, new IncidentStateCache(store), clock);
  }

  /** Writes to one incident are decided in batches, one append (one commit) per batch. */
  private readonly batches: DecideBatches;

  onModuleDestroy(): void {
    this.idempotency.close();
  }

  async execute(request: WriteRequest): Promise<WriteResult> {
    const { principal, idempotency } = request;
    if (idempotency) {
      const seen = this.idempotency.find(principal.name, idempotency.key);
      if (seen) {
        if (seen.requestHash !== idempotency.requestHash) {
          throw new ProblemError(
            problem(
              422,
              'idempotency-key-reused',
              'this Idempotency-Key was used with another request',
            ),
          );
        }
        return seen.response;
      }
    }
    const result = await this.batches.submit(request);
    if (this.progress) {
      const applied = await this.progress.waitFor(result.position, READ_YOUR_WRITES_TIMEOUT_MS);
      if (!applied)
        this.logger.warn({ msg: 'read model lagging behind a write', position: result.position });
    }
    if (idempotency) {
      this.idempotency.save(
        principal.name,
        idempotency.key,
        { requestHash: idempotency.requestHash, response: result },
        this.clock.now(),
      );
    }
    return result;
  }
}
