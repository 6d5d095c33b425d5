import { pooledRandom, uuidText } from './random-pool.js';

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
 * Ids made together sort together, so each insert into an index on them lands on the index's
 * last pages instead of a random page (a v4 id dirties one more b-tree page per event).
 */
export function uuidV7(nowMs: number = Date.now(), random: Uint8Array = pooledRandom(10)): string {
  if (random.length < 10) throw new RangeError('uuidV7 needs 10 random bytes');
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(nowMs)) % 2 ** 48, 0, 6);
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return uuidText(bytes);
}
