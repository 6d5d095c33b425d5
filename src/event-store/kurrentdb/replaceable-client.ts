import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/**
 * The store's KurrentDB client, replaceable. The client caches its server-capabilities lookup,
 * failed or not: after a cluster outage in which discovery failed, every later append on that
 * client fails at once, for good (reads and subscriptions recover). Replacing the client is the
 * way out; the failed one is disposed in the background (its subscriptions resubscribe on the new).
 */
export class ReplaceableClient {
  private client: KurrentDBClient;
  private replacements = 0;

  constructor(private readonly create: () => KurrentDBClient) {
    this.client = create();
  }

  current(): KurrentDBClient {
    return this.client;
  }

  /** How many times the client was replaced. */
  get generation(): number {
    return this.replacements;
  }

  /**
   * Replaces `failed` by a new client, unless it was already replaced (several appends failing
   * together replace it once). Returns whether this call replaced it.
   */
  replace(failed: KurrentDBClient): boolean {
    if (failed !== this.client) return false;
    this.client = this.create();
    this.replacements += 1;
    failed.dispose().catch(() => undefined);
    return true;
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}
