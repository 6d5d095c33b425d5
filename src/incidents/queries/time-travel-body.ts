/**
 * Sending a time-travel answer (JSON text, or byte pieces for a big view: piece-body.ts):
 * compressed when the client accepts it and the body is large. An answer named by a key never
 * changes, so its compressed bytes are kept under that key (bounded by bytes, least recently
 * used out first) and a dashboard scrubbing back and forth is compressed once per answer.
 */
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ByteBoundedCache } from '../../common/cache/byte-bounded-cache.js';
import {
  answeredUnchanged,
  chooseEncoding,
  COMPRESS_FROM_BYTES,
  compress,
  sendBytes,
} from './json-body.js';
import { piecesLength, sendPieces } from './piece-body.js';

/** Compressed time-travel bytes kept at most. */
const KEPT_BYTES = 64 * 1024 * 1024;

@Injectable()
export class TimeTravelBodies {
  private readonly compressed = new ByteBoundedCache<Buffer>(KEPT_BYTES, (bytes) => bytes.length);

  async send(
    req: Request,
    res: Response,
    json: string | Buffer[],
    revision: number,
    key?: string,
  ): Promise<void> {
    if (answeredUnchanged(req, res, revision)) return;
    const pieces = typeof json === 'string' ? [Buffer.from(json)] : json;
    const length = piecesLength(pieces);
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding || length < COMPRESS_FROM_BYTES) return sendPieces(res, pieces);
    const name = key === undefined ? undefined : `${key}#${encoding}`;
    let bytes = name === undefined ? undefined : this.compressed.get(name);
    if (!bytes) {
      bytes = await compress[encoding](pieces.length === 1 ? pieces[0] : Buffer.concat(pieces));
      if (name !== undefined) this.compressed.set(name, bytes);
    }
    sendBytes(res, bytes, encoding);
  }
}
