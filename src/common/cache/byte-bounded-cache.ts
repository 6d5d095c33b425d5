/**
 * Values holding bytes (`bytes` a Buffer) by key, bounded by their total bytes: past the bound
 * the least recently used go first (a Map keeps insertion order; `get` makes an entry the most
 * recent). A value larger than the whole bound is not kept.
 */
export class ByteBoundedCache<V extends { bytes: Buffer }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const bytes = this.entries.get(key);
    if (bytes !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, bytes);
    }
    return bytes;
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes.length > this.maxBytes) return;
    this.entries.set(key, value);
    this.total += value.bytes.length;
    for (const [oldest, kept] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= kept.bytes.length;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.total -= old.bytes.length;
  }

  /** The bytes kept. */
  get bytes(): number {
    return this.total;
  }
}
