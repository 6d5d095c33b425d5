import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { problem, ProblemError } from '../../common/problem/problem.js';
import { Clock } from '../../common/clock.js';
import {
  EVENT_STORE,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
} from '../../event-store/event-store.js';
import type { Principal } from '../../auth/principal.js';
import type { Command } from '../domain/commands.js';
import { decide } from '../domain/decide.js';
import { DomainError } from '../domain/errors.js';
import {
  claimIdOfEvent,
  SCHEMA_VERSION,
  streamIdOf,
  type IncidentEvent,
} from '../domain/events.js';
import { eventIdFor } from './deterministic-ids.js';
import { IdempotencyKeys, type KeyedWrite } from './idempotency-keys.js';
import { IdempotencyStore } from './idempotency-store.js';
import { IncidentStateCache } from './incident-state-cache.js';
import { KeyedQueue } from './keyed-queue.js';
import { ReadModelProgress } from './read-model-progress.js';
import type { WriteResult } from './write-result.js';

/** How a write arrived: who, and the optional preconditions of API.md. */
export interface WriteRequest {
  command: Command;
  principal: Principal;
  correlationId: string;
  /** `If-Match`: append only if the incident is at this revision. */
  ifMatch?: number;
  idempotency?: { key: string; requestHash: string };
}

/** A lost expected-revision race is decided again on fresh state this many times. */
const MAX_ATTEMPTS = 8;
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
    this.incidents = new IncidentStateCache(store);
    this.keys = new IdempotencyKeys(store, idempotency, () => clock.now());
  }

  private readonly keys: IdempotencyKeys;

  private readonly incidents: IncidentStateCache;
  /** Writes to one incident take turns in this process, so they do not race each other. */
  private readonly turns = new KeyedQueue();

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
      result = await this.turns.run(request.command.incidentId, () => this.appendDecided(request));
    } catch (error) {
      // a refusal stored nothing: the key may carry another request
      if (keyed && (error instanceof DomainError || error instanceof ProblemError))
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

  private async appendDecided(request: WriteRequest): Promise<WriteResult> {
    const { command, ifMatch } = request;
    const streamId = streamIdOf(command.incidentId);
    const seed = request.idempotency
      ? `${request.principal.name}\u0000${request.idempotency.key}`
      : undefined;
    for (let attempt = 1; ; attempt++) {
      const { state, events: known } = await this.incidents.load(command.incidentId);
      const retried = seed === undefined ? undefined : known.get(eventIdFor(seed, 0));
      if (retried)
        return { incidentId: command.incidentId, eventId: eventIdFor(seed, 0), ...retried };
      const current = state ? state.revision : -1;
      // An unknown incident is a 404 (from decide), whatever If-Match says (RFC 9110 §13.2.1)
      const targetExists = state !== null || command.type === 'OpenIncident';
      if (ifMatch !== undefined && ifMatch !== current && targetExists) {
        throw preconditionFailed(current);
      }
      const now = this.clock.now();
      const events = decide(command, state, now).map((event, index) =>
        this.toNewEvent(event, index, seed, request, now),
      );
      try {
        const appended = await this.store.append(streamId, events, {
          expectedRevision: state ? state.revision : 'no_stream',
        });
        const last = events.at(-1) as NewEvent;
        return {
          incidentId: command.incidentId,
          ...optionalClaimId(last),
          eventId: last.eventId,
          revision: appended.revision,
          position: appended.position,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (ifMatch !== undefined) throw preconditionFailed(error.actualRevision);
        if (attempt >= MAX_ATTEMPTS) {
          throw new ProblemError(
            problem(409, 'write-contention', 'the incident is changing too fast; retry the write'),
          );
        }
      }
    }
  }

  private toNewEvent(
    event: IncidentEvent,
    index: number,
    seed: string | undefined,
    request: WriteRequest,
    now: Date,
  ): NewEvent {
    return {
      eventId: eventIdFor(seed, index),
      type: event.type,
      data: event.data,
      metadata: {
        recordedAt: now.toISOString(),
        recordedBy: request.principal.name,
        correlationId: request.correlationId,
        causationId: null,
        schemaVersion: SCHEMA_VERSION[event.type],
      },
    };
  }
}

function keyedWrite(request: WriteRequest): KeyedWrite | undefined {
  const { idempotency, principal, command } = request;
  return idempotency
    ? { principal: principal.name, ...idempotency, incidentId: command.incidentId }
    : undefined;
}

function optionalClaimId(event: NewEvent): { claimId?: string } {
  const claimId = claimIdOfEvent({ type: event.type, data: event.data } as IncidentEvent);
  return claimId === undefined ? {} : { claimId };
}

function preconditionFailed(currentRevision: number): ProblemError {
  return new ProblemError(
    problem(412, 'revision-mismatch', `the incident is at revision ${currentRevision}`, {
      currentRevision,
    }),
  );
}
