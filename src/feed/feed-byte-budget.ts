/**
 * The bytes every feed connection together has waiting unsent in engine.io's write buffers.
 * Each connection's own count is bounded in packets (FEED_LIMITS); this bounds their sum: when
 * the total passes STORYLINE_FEED_MAX_QUEUED_BYTES, a connection holding more than its share
 * (the cap divided by the open connections) counts as overflowing and its subscriptions get
 * `reset`, which drops what they queue. The largest holder is always above its share.
 */
export class FeedByteBudget {
  private total = 0;
  private connections = 0;

  constructor(private readonly maxBytes: number) {}

  open(): void {
    this.connections += 1;
  }

  close(heldBytes: number): void {
    this.connections = Math.max(0, this.connections - 1);
    this.release(heldBytes);
  }

  hold(bytes: number): void {
    this.total += bytes;
  }

  release(bytes: number): void {
    this.total = Math.max(0, this.total - bytes);
  }

  /** Whether a connection holding `heldBytes` must shed them. */
  overShare(heldBytes: number): boolean {
    return this.total > this.maxBytes && heldBytes > this.maxBytes / Math.max(1, this.connections);
  }

  get queuedBytes(): number {
    return this.total;
  }
}
