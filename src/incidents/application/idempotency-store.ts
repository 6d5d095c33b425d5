import type { WriteResult } from './write-result.js';

export interface IdempotencyRecord {
  requestHash: string;
  response: WriteResult;
}

/**
 * The port for finished answers to Idempotency-Keys: each (principal, key) with the request it
 * answered, so a retry gets the first response without reading the event store, and a reused key
 * with another request is refused. Reservations themselves go through the EventStore port
 * (idempotency-keys.ts); the deterministic event ids derived from the key also make the append
 * itself a no-op. An abstract class, so it is also the injection token.
 */
export abstract class IdempotencyStore {
  abstract find(principal: string, key: string): IdempotencyRecord | undefined;
  /** Keeps the first record of a (principal, key); a later one is ignored. */
  abstract save(principal: string, key: string, record: IdempotencyRecord, now: Date): void;
  abstract close(): void;
}
