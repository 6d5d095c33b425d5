import { createHash, randomUUID } from 'node:crypto';
import {
  WrongExpectedRevision,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '../../event-store/event-store.js';
import { idempotencyKeyReused } from './application-errors.js';
import type { IdempotencyStore } from './idempotency-store.js';
import type { WriteResult } from './write-result.js';

/** Streams holding the reservations of Idempotency-Keys; never an incident stream. */
export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';
export const KEY_RESERVED = 'IdempotencyKeyReserved';
export const KEY_RELEASED = 'IdempotencyKeyReleased';

export interface KeyedWrite {
  principal: string;
  key: string;
  requestHash: string;
  incidentId: string;
}

interface Reservation {
  requestHash: string;
  incidentId: string;
}

/** A lost race for the reservation stream is read again this many times. */
const MAX_ATTEMPTS = 8;

/**
 * Idempotency-Keys reserved through the EventStore port, so every instance on a shared store sees
 * the same record: the first request for (principal, key) appends a reservation to the stream
 * `idempotency-<sha256(principal, key)>` with expected revision `no_stream`, holding the request's
 * hash and incident. A concurrent or later request with the key loses that append (or finds the
 * stream), reads the reservation and compares: another request is refused before anything is
 * decided; the same request goes on, and the event ids derived from the key turn its append into
 * the first one's result. A request refused without storing anything releases its key.
 * The local IdempotencyStore only remembers finished answers, to skip the store on a retry.
 */
export class IdempotencyKeys {
  constructor(
    private readonly store: EventStore,
    private readonly answers: IdempotencyStore,
    private readonly now: () => Date,
  ) {}

  /** The first answer when this request was answered already; otherwise holds the key. */
  async reserve(write: KeyedWrite): Promise<WriteResult | undefined> {
    const seen = this.answers.find(write.principal, write.key);
    if (seen) {
      if (seen.requestHash !== write.requestHash) throw idempotencyKeyReused();
      return seen.response;
    }
    const streamId = streamOf(write);
    let expected: 'no_stream' | number = 'no_stream';
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.append(streamId, [this.reservation(write)], {
          expectedRevision: expected,
        });
        return undefined;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= MAX_ATTEMPTS) throw error;
      }
      const [last] = await this.store.readStream(streamId, { direction: 'backwards', limit: 1 });
      if (last === undefined) continue;
      if (last.type === KEY_RELEASED) {
        expected = last.revision;
        continue;
      }
      if (!sameRequest(last, write)) throw idempotencyKeyReused();
      return undefined;
    }
  }

  /** The write was refused and stored nothing: the key may be used again, with any request. */
  async release(write: KeyedWrite): Promise<void> {
    const streamId = streamOf(write);
    const [last] = await this.store.readStream(streamId, { direction: 'backwards', limit: 1 });
    if (last?.type !== KEY_RESERVED || !sameRequest(last, write)) return;
    try {
      await this.store.append(streamId, [this.event(KEY_RELEASED, write, {})], {
        expectedRevision: last.revision,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
    }
  }

  private reservation(write: KeyedWrite): NewEvent {
    const data: Reservation = { requestHash: write.requestHash, incidentId: write.incidentId };
    return this.event(KEY_RESERVED, write, data);
  }

  private event(type: string, write: KeyedWrite, data: object): NewEvent {
    return {
      eventId: randomUUID(),
      type,
      data,
      metadata: {
        recordedAt: this.now().toISOString(),
        recordedBy: write.principal,
        correlationId: 'idempotency',
        causationId: null,
        schemaVersion: 1,
      },
    };
  }

  /** Remembers the answer in this process so a retry need not read the store. */
  remember(write: KeyedWrite, response: WriteResult, now: Date): void {
    this.answers.save(
      write.principal,
      write.key,
      { requestHash: write.requestHash, response },
      now,
    );
  }
}

/** The reservation stream of a (principal, key): a hash, so neither appears in the log. */
export function streamOf(write: Pick<KeyedWrite, 'principal' | 'key'>): string {
  const hash = createHash('sha256').update(`${write.principal}\u0000${write.key}`).digest('hex');
  return `${IDEMPOTENCY_STREAM_PREFIX}${hash}`;
}

function sameRequest(stored: StoredEvent, write: KeyedWrite): boolean {
  const data = stored.data as Partial<Reservation> | null;
  return data?.requestHash === write.requestHash && data.incidentId === write.incidentId;
}
