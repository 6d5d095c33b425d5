import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenEntry } from '../config/app-config.js';
import type { Principal } from './principal.js';

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** How many recently given token strings keep their digest: a few callers make most requests. */
const RECENT_DIGESTS = 16;

/** Known bearer tokens, compared in constant time (digests of equal length, every entry checked). */
export class TokenRegistry {
  private readonly entries: { digest: Buffer; principal: Principal }[];
  /** Digests of the token strings given last (valid or not), oldest first; never a verdict. */
  private readonly recent = new Map<string, Buffer>();

  constructor(tokens: readonly TokenEntry[]) {
    this.entries = tokens.map((t) => ({
      digest: digest(t.token),
      principal: { name: t.name, role: t.role },
    }));
  }

  resolve(token: string): Principal | undefined {
    const given = this.digestOf(token);
    let found: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, given)) found = entry.principal;
    }
    return found;
  }

  /** sha256 costs more than the rest of the check; the same caller sends the same string. */
  private digestOf(token: string): Buffer {
    let known = this.recent.get(token);
    if (known === undefined) {
      known = digest(token);
      if (this.recent.size >= RECENT_DIGESTS) {
        this.recent.delete(this.recent.keys().next().value as string);
      }
      this.recent.set(token, known);
    }
    return known;
  }
}
