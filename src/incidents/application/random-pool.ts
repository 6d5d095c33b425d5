import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: one getrandom call per few hundred ids, not one per id. */
const pool = Buffer.alloc(4096);
let pooled = pool.length;

/**
 * `length` fresh random bytes (at most the pool's size), as a view into the pool: copy or use
 * them before the next call, which may refill it.
 */
export function pooledRandom(length: number): Buffer {
  if (length > pool.length) throw new RangeError(`at most ${pool.length} pooled random bytes`);
  if (pooled + length > pool.length) {
    randomFillSync(pool);
    pooled = 0;
  }
  pooled += length;
  return pool.subarray(pooled - length, pooled);
}

/** 16 bytes as a UUID's text: 8-4-4-4-12 lowercase hex digits. */
export function uuidText(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
