/**
 * Sending a view's JSON: `ETag` = its revision (a matching If-None-Match answers 304), and
 * brotli or gzip when the client accepts it and the body is large. Current views keep their
 * bytes per revision (view-bytes.ts); time-travel answers keep theirs by
 * name (time-travel-body.ts).
 */
import type { ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

/** Bodies shorter than this go out as they are. */
export const COMPRESS_FROM_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** Brotli at quality 5 (a fraction of the CPU of the default 11 for a few % more bytes), gzip 6. */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

export const compress: Record<Encoding, (input: Buffer) => Promise<Buffer>> = {
  br: (input) =>
    promisify(brotliCompress)(input, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
      },
    }),
  gzip: (input) => promisify(gzip)(input, { level: GZIP_LEVEL }),
};

/** The same compression as a stream, for a body sent in pieces. */
export const compressStream: Record<Encoding, () => Transform> = {
  br: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }),
  gzip: () => createGzip({ level: GZIP_LEVEL }),
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

/** The headers every view answer carries (on Node's own response too: kept-view.middleware.ts). */
export function setViewHeaders(res: ServerResponse, revision: number): void {
  res.setHeader('ETag', `"${revision}"`);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
}

/** The headers every view answer carries; true when If-None-Match matched (304 sent). */
export function answeredUnchanged(req: Request, res: Response, revision: number): boolean {
  setViewHeaders(res, revision);
  if (!req.fresh) return false;
  res.status(304).end();
  return true;
}

/** A 200 with these bytes (no body for HEAD: Node leaves it out). */
export function sendBytes(res: ServerResponse, bytes: Buffer, encoding?: Encoding): void {
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', bytes.length);
  res.statusCode = 200;
  res.end(bytes);
}
