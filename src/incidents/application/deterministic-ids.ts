import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json.js';
import { pooledRandom, uuidText } from './random-pool.js';
import { uuidV7 } from './uuid-v7.js';

function digest(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/** A UUID (version 8, RFC 9562 custom) derived from its parts, so a retry makes the same id. */
export function uuidFrom(...parts: string[]): string {
  const bytes = digest(...parts).subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return uuidText(bytes);
}

/** An id matching ^[a-z0-9][a-z0-9-]{2,63}$: derived from the parts when given, else random. */
export function shortId(prefix: string, ...parts: string[]): string {
  const bytes = parts.length > 0 ? digest(prefix, ...parts) : pooledRandom(8);
  return `${prefix}-${bytes.subarray(0, 8).toString('hex')}`;
}

/** A keyed request's ids are derived (a retry repeats them); others are time-ordered (v7). */
export function eventIdFor(seed: string | undefined, index: number): string {
  return seed === undefined ? uuidV7() : uuidFrom(seed, String(index));
}

/** A stable hash of a request: method, path and body with sorted keys. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
