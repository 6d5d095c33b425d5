/**
 * The bytes of current views, kept per incident at one revision: the plain JSON (small enough
 * views only) and its compressed forms, made once per revision and shared by every request
 * that asks meanwhile. Bounded by bytes (least recently used out first). A view is only ever
 * replaced by one at a later revision, so a late compression of an older revision never
 * displaces newer bytes, and a GET at a new revision never finds old ones.
 */
import { ByteBoundedCache } from '../../common/cache/byte-bounded-cache.js';
import { compress, type Encoding } from './json-body.js';

/** Bytes kept at most, plain and compressed together. */
const KEPT_BYTES = 64 * 1024 * 1024;

/** The bytes of one view at one revision. */
export interface KeptView {
  slot: string;
  revision: number;
  /** The plain JSON; absent for a view too big to keep uncompressed (it is streamed instead). */
  plain?: Buffer;
  compressed: Partial<Record<Encoding, Promise<Buffer>>>;
}

export class ViewBytes {
  private readonly views: ByteBoundedCache<KeptView>;
  /** Compressions that have ended, to answer without awaiting. */
  private readonly done = new WeakMap<KeptView, Partial<Record<Encoding, Buffer>>>();

  constructor(limit = KEPT_BYTES) {
    this.views = new ByteBoundedCache(limit, (view) => this.sizeOf(view));
  }

  /** The view kept for `slot` if it is at `revision` (and marks it recently used). */
  get(slot: string, revision: number): KeptView | undefined {
    const view = this.views.peek(slot);
    return view?.revision === revision ? this.views.get(slot) : undefined;
  }

  /**
   * A view to fill for `slot` at `revision`: kept unless the slot already holds a later
   * revision (then the caller answers from it without keeping it).
   */
  start(slot: string, revision: number, plain?: Buffer): KeptView {
    const view: KeptView = { slot, revision, plain, compressed: {} };
    const held = this.views.peek(slot);
    if (!held || held.revision <= revision) this.views.set(slot, view);
    return view;
  }

  /** `view` compressed with `encoding`: the one compression of it, shared by every asker. */
  compressed(view: KeptView, encoding: Encoding, from: () => Promise<Buffer>): Promise<Buffer> {
    let bytes = view.compressed[encoding];
    if (!bytes) {
      bytes = from();
      view.compressed[encoding] = bytes;
      bytes.then(
        (done) => {
          this.done.set(view, { ...this.done.get(view), [encoding]: done });
          // counted again with its new bytes, unless it was replaced or dropped meanwhile
          if (this.views.peek(view.slot) === view) this.views.set(view.slot, view);
        },
        // a failed compression is not kept: the next request tries again
        () => delete view.compressed[encoding],
      );
    }
    return bytes;
  }

  /** The view's bytes in `encoding` if their compression has ended. */
  ready(view: KeptView, encoding: Encoding): Buffer | undefined {
    return this.done.get(view)?.[encoding];
  }

  /** `plain` (the view's plain bytes) compressed with `encoding`, once. */
  compressPlain(view: KeptView, plain: Buffer, encoding: Encoding): Promise<Buffer> {
    return this.compressed(view, encoding, () => compress[encoding](plain));
  }

  /** Bytes kept now (for tests and logs). */
  get size(): number {
    return this.views.bytes;
  }

  private sizeOf(view: KeptView): number {
    let size = view.plain?.length ?? 0;
    for (const bytes of Object.values(this.done.get(view) ?? {})) size += bytes.length;
    return size;
  }
}
