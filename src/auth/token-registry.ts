import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenEntry } from '../config/app-config.js';
import type { Principal } from './principal.js';

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Known bearer tokens, compared in constant time (digests of equal length, every entry checked). */
export class TokenRegistry {
  private readonly entries: { digest: Buffer; principal: Principal }[];

  constructor(tokens: readonly TokenEntry[]) {
    this.entries = tokens.map((t) => ({
      digest: digest(t.token),
      principal: { name: t.name, role: t.role },
    }));
  }

  resolve(token: string): Principal | undefined {
    const given = digest(token);
    let found: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, given)) found = entry.principal;
    }
    return found;
  }
}
