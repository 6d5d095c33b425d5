/**
 * Sending a view's JSON text: `ETag` = its revision (express answers 304 to a matching
 * If-None-Match), and brotli or gzip when the client accepts it and the body is large. The
 * compressed bytes of recent current views are kept per revision, so a hot incident is
 * compressed once per change, not once per request.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'express';
import { piecesLength, sendPieces } from './piece-body.js';

/** Bodies shorter than this go out as they are. */
export const COMPRESS_FROM_BYTES = 1024;
/** Compressed bytes kept at most (oldest first out). */
const KEPT_BYTES = 64 * 1024 * 1024;

type Encoding = 'br' | 'gzip';

const compress: Record<Encoding, (input: Buffer) => Promise<Buffer>> = {
  br: (input) =>
    promisify(brotliCompress)(input, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
      },
    }),
  gzip: (input) => promisify(gzip)(input, { level: 6 }),
};

/** br when accepted, else gzip when accepted (q=0 refuses), else none. */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/** Names bytes that never change: `slot` (e.g. an incident) holds one `version` at a time. */
export interface KeepAs {
  slot: string;
  version: string;
}

interface Kept {
  version: string;
  bytes: Partial<Record<Encoding, Buffer>>;
}

export class JsonBodies {
  private readonly kept = new Map<string, Kept>();
  private keptBytes = 0;

  /**
   * Sends the JSON text (or byte pieces, see piece-body.ts) `json()` makes (not made when kept
   * compressed bytes answer).
   */
  async send(
    req: Request,
    res: Response,
    json: () => string | Buffer[],
    etag: string,
    keep?: KeepAs,
  ) {
    res.setHeader('ETag', etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type('application/json');
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const hit = encoding && keep ? this.hit(keep, encoding) : undefined;
    if (encoding && hit) {
      res.setHeader('Content-Encoding', encoding);
      res.send(hit);
      return;
    }
    const text = json();
    const length = typeof text === 'string' ? text.length : piecesLength(text);
    if (!encoding || length < COMPRESS_FROM_BYTES) {
      if (typeof text === 'string') res.send(text);
      else sendPieces(res, text);
      return;
    }
    const bytes = await compress[encoding](
      typeof text === 'string' ? Buffer.from(text) : Buffer.concat(text),
    );
    if (keep) this.keep(keep, encoding, bytes);
    res.setHeader('Content-Encoding', encoding);
    res.send(bytes);
  }

  private hit(keep: KeepAs, encoding: Encoding): Buffer | undefined {
    const kept = this.kept.get(keep.slot);
    return kept?.version === keep.version ? kept.bytes[encoding] : undefined;
  }

  private keep(keep: KeepAs, encoding: Encoding, bytes: Buffer): void {
    const old = this.kept.get(keep.slot);
    if (old) this.drop(keep.slot, old);
    const entry: Kept = old?.version === keep.version ? old : { version: keep.version, bytes: {} };
    entry.bytes[encoding] = bytes;
    this.kept.set(keep.slot, entry);
    this.keptBytes += sizeOf(entry);
    for (const [slot, oldest] of this.kept) {
      if (this.keptBytes <= KEPT_BYTES) break;
      this.drop(slot, oldest);
    }
  }

  private drop(slot: string, kept: Kept): void {
    this.kept.delete(slot);
    this.keptBytes -= sizeOf(kept);
  }
}

function sizeOf(kept: Kept): number {
  return (kept.bytes.br?.length ?? 0) + (kept.bytes.gzip?.length ?? 0);
}
