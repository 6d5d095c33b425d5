import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '../../common/clock.js';
import {
  IdempotencyMismatch,
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
} from '../../event-store/event-store.js';
import { decide } from '../domain/decide.js';
import { streamIdOf } from '../domain/events.js';
import type { IncidentFold } from '../domain/incident-fold.js';
import type { IncidentState, RecordedIncidentEvent } from '../domain/state.js';
import { revisionMismatch, writeContention } from './application-errors.js';
import { eventIdFor } from './deterministic-ids.js';
import {
  freshRefOf,
  type EventRef,
  type IncidentStateCache,
  type LoadedIncident,
} from './incident-state-cache.js';
import { seedOf, toNewEvents, writeResultOf, type WriteRequest } from './write-request.js';
import type { WriteResult } from './write-result.js';

/** A lost expected-revision race is decided again on fresh state this many times. */
const MAX_ATTEMPTS = 8;
/** Commands decided together and appended in one commit, at most. */
const MAX_BATCH = 200;

interface Pending {
  request: WriteRequest;
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

/** A command of the batch that was decided: its events, to append with the others. */
interface Member {
  pending: Pending;
  events: NewEvent[];
}

/**
 * The per-incident decide-batch. Commands for one incident that queue up while its previous
 * batch is being committed are decided one after another on the in-memory state (each sees the
 * events of the ones before it, each keeps its own refusal, If-Match and result), then appended
 * in ONE append, so one durable commit serves them all. A lost expected-revision race (another
 * writer on the same stream) reloads the new events and decides the batch again, bounded.
 */
export class DecideBatches {
  private readonly queues = new Map<string, Pending[]>();

  constructor(
    private readonly store: EventStore,
    private readonly incidents: IncidentStateCache,
    private readonly clock: Clock,
  ) {}

  submit(request: WriteRequest): Promise<WriteResult> {
    return new Promise<WriteResult>((resolve, reject) => {
      const incidentId = request.command.incidentId;
      const queue = this.queues.get(incidentId);
      if (queue) {
        queue.push({ request, resolve, reject });
        return;
      }
      this.queues.set(incidentId, [{ request, resolve, reject }]);
      // setImmediate: the commands that arrive in this turn of the event loop join the batch
      setImmediate(() => void this.drain(incidentId));
    });
  }

  /** Commits the incident's queue batch after batch until it is empty, then forgets it. */
  private async drain(incidentId: string): Promise<void> {
    const queue = this.queues.get(incidentId) as Pending[];
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      const later = await this.commit(incidentId, batch).catch((error: unknown) => {
        for (const pending of batch) pending.reject(error);
        return [];
      });
      queue.unshift(...later);
      // What queued while this batch committed waits one more turn of the event loop: the
      // requests its answers let in (the same clients' next writes) arrive meanwhile and join
      // it, so a hot incident takes one commit per round of its writers instead of two
      // half-rounds (each commit's fixed cost, its fsync above all, then serves twice as many).
      if (queue.length > 0) await nextTurn();
    }
    this.queues.delete(incidentId);
  }

  /**
   * Decides and appends one batch; every pending of it is settled, except the ones returned,
   * which must go into the next batch (a second request with the same Idempotency-Key).
   */
  private async commit(incidentId: string, batch: Pending[]): Promise<Pending[]> {
    let open = batch;
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.incidents.load(incidentId);
      const retried = await this.retriedOf(incidentId, loaded, open);
      const revision = loaded.fold.revision;
      const { members, later } = this.decideAll(loaded.fold, retried, open);
      if (members.length === 0) return later;
      const events = members.flatMap((member) => member.events);
      try {
        await this.store.append(streamIdOf(incidentId), events, {
          expectedRevision: revision >= 0 ? revision : 'no_stream',
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision || error instanceof IdempotencyMismatch))
          throw error;
        open = [...members.map((member) => member.pending), ...later];
        if (attempt >= MAX_ATTEMPTS) {
          for (const pending of open) pending.reject(writeContention());
          return [];
        }
        continue;
      }
      // read back only the events just appended: their positions, and the cache moves on
      const appended = await this.incidents.load(incidentId);
      for (const { pending, events: own } of members) {
        const last = own.at(-1) as NewEvent;
        const stored =
          freshRefOf(appended, last.eventId) ??
          (await this.incidents.refOf(incidentId, appended, last.eventId));
        if (stored) pending.resolve(writeResultOf(incidentId, last, stored));
        else pending.reject(new Error(`event ${last.eventId} is missing after its append`));
      }
      return later;
    }
  }

  /** Where the first event of each keyed request already stored stands (a retry). */
  private async retriedOf(
    incidentId: string,
    loaded: LoadedIncident,
    batch: readonly Pending[],
  ): Promise<Map<string, EventRef>> {
    const retried = new Map<string, EventRef>();
    for (const { request } of batch) {
      const seed = seedOf(request);
      if (seed === undefined) continue;
      const first = eventIdFor(seed, 0);
      const ref = await this.incidents.refOf(incidentId, loaded, first);
      if (ref) retried.set(first, ref);
    }
    return retried;
  }

  /**
   * Decides each pending in order on the state the ones before it leave; settles refusals. Their
   * events are folded into the cached fold tentatively and undone before it returns: the fold
   * moves on only by the stored events, once appended.
   */
  private decideAll(
    fold: IncidentFold,
    retried: ReadonlyMap<string, EventRef>,
    batch: readonly Pending[],
  ): { members: Member[]; later: Pending[] } {
    fold.begin();
    try {
      return this.decideEach(fold, retried, batch);
    } finally {
      fold.rollback();
    }
  }

  private decideEach(
    fold: IncidentFold,
    known: ReadonlyMap<string, EventRef>,
    batch: readonly Pending[],
  ): { members: Member[]; later: Pending[] } {
    const members: Member[] = [];
    const later: Pending[] = [];
    const ids = new Set<string>();
    batch.forEach((pending, i) => {
      const { request } = pending;
      const seed = seedOf(request);
      const first = seed === undefined ? undefined : eventIdFor(seed, 0);
      if (first !== undefined && ids.has(first)) {
        later.push(pending);
        return;
      }
      const retried = first === undefined ? undefined : known.get(first);
      if (retried && first !== undefined) {
        pending.resolve({ incidentId: request.command.incidentId, eventId: first, ...retried });
        return;
      }
      try {
        const now = this.clock.now();
        const state = fold.peek();
        checkIfMatch(request, state);
        const decided = decide(request.command, state, now, fold);
        const events = toNewEvents(decided, seed, request, now);
        // the last command's events need no fold here: the cache folds them once appended
        if (i < batch.length - 1) foldDecided(fold, events);
        for (const event of events) ids.add(event.eventId);
        members.push({ pending, events });
      } catch (error) {
        pending.reject(error);
      }
    });
    return { members, later };
  }
}

function checkIfMatch(request: WriteRequest, state: IncidentState | null): void {
  const { command, ifMatch } = request;
  if (ifMatch === undefined) return;
  const current = state ? state.revision : -1;
  // An unknown incident is a 404 (from decide), whatever If-Match says (RFC 9110 §13.2.1)
  const targetExists = state !== null || command.type === 'OpenIncident';
  if (ifMatch !== current && targetExists) throw revisionMismatch(current);
}

/** Folds events decided but not yet appended (their positions are not known yet: the last one's stands in). */
function foldDecided(fold: IncidentFold, events: readonly NewEvent[]): void {
  const position = fold.details()?.position ?? '0';
  for (const event of events) {
    fold.apply({
      type: event.type,
      data: event.data,
      eventId: event.eventId,
      revision: fold.revision + 1,
      position,
      recordedAt: event.metadata.recordedAt,
      recordedBy: event.metadata.recordedBy,
    } as RecordedIncidentEvent);
  }
}
