/**
 * Sending a time-travel answer (view-reader.service.ts): compressed when the client accepts it
 * and the body is large. An answer named by a key never changes, so its bytes may be kept:
 * - its compressed bytes (a fraction of the size) as soon as it is first sent compressed;
 * - its plain bytes from the second time it is asked for. The first time, a big view streams
 *   from a read snapshot through two reused buffers: making 24 MB of new bytes costs this VM
 *   more (fresh memory: page faults) than reading the rows, and an answer asked once is not
 *   worth keeping. Asked again, it is made whole and kept (view-reader.service.ts).
 * Both bounded by bytes, least recently used out first.
 */
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ByteBoundedCache } from '../../common/cache/byte-bounded-cache.js';
import { LruMap } from '../../common/cache/lru-map.js';
import {
  answeredUnchanged,
  chooseEncoding,
  COMPRESS_FROM_BYTES,
  compress,
  compressStream,
  type Encoding,
  sendBytes,
} from './json-body.js';
import { piecesLength, sendPieces, writeTexts } from './piece-body.js';
import type { StreamedView, TravelAnswer, ViewBody } from './view-reader.service.js';

/** Compressed time-travel bytes kept at most. */
const KEPT_BYTES = 64 * 1024 * 1024;
/** Keys of answers streamed once and not kept, remembered at most. */
const ASKED_KEYS = 4096;

interface Compressed {
  bytes: Buffer;
  revision: number;
}

@Injectable()
export class TimeTravelBodies {
  private readonly compressed = new ByteBoundedCache<Compressed>(
    KEPT_BYTES,
    ({ bytes }) => bytes.length,
  );
  private readonly streamedOnce = new LruMap<string, true>(ASKED_KEYS);

  async send(req: Request, res: Response, body: ViewBody): Promise<void> {
    if (!('key' in body)) return this.sendMade(req, res, [Buffer.from(body.json)], body.revision);
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const kept = body.kept();
    if (kept) return this.sendMade(req, res, kept.pieces, kept.revision, encoding, body.key);
    const compressed = encoding && this.compressed.get(`${body.key}#${encoding}`);
    if (compressed) {
      if (answeredUnchanged(req, res, compressed.revision)) return;
      return sendBytes(res, compressed.bytes, encoding);
    }
    const plainAgain = !encoding && this.streamedOnce.peek(body.key);
    const streamed = plainAgain ? undefined : body.streamed();
    if (streamed) {
      try {
        await this.stream(req, res, streamed, encoding, body);
      } finally {
        streamed.end();
      }
      return;
    }
    const made = body.whole();
    this.streamedOnce.delete(body.key);
    return this.sendMade(req, res, made.pieces, made.revision, encoding, body.key);
  }

  /** Sends bytes made whole, compressed (and kept so, under `key`) when that pays. */
  private async sendMade(
    req: Request,
    res: Response,
    pieces: Buffer[],
    revision: number,
    encoding = chooseEncoding(req.headers['accept-encoding']),
    key?: string,
  ): Promise<void> {
    if (answeredUnchanged(req, res, revision)) return;
    if (!encoding || piecesLength(pieces) < COMPRESS_FROM_BYTES) return sendPieces(res, pieces);
    const name = key === undefined ? undefined : `${key}#${encoding}`;
    let bytes = name === undefined ? undefined : this.compressed.get(name)?.bytes;
    if (!bytes) {
      bytes = await compress[encoding](pieces.length === 1 ? pieces[0] : Buffer.concat(pieces));
      if (name !== undefined) this.compressed.set(name, { bytes, revision });
    }
    sendBytes(res, bytes, encoding);
  }

  /**
   * Streams a view (chunked, as a big current view); compressed, its bytes are kept once
   * complete, plain, its key is remembered (asked again, it is made whole and kept).
   */
  private async stream(
    req: Request,
    res: Response,
    view: StreamedView,
    encoding: Encoding | undefined,
    answer: TravelAnswer,
  ): Promise<void> {
    if (answeredUnchanged(req, res, view.revision)) return;
    res.status(200);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      if (!encoding) {
        if (!(await writeTexts(res, view.texts))) return;
        res.end();
        this.streamedOnce.set(answer.key, true);
        return;
      }
      const compressor = compressStream[encoding]();
      const chunks: Buffer[] = [];
      compressor.on('data', (chunk: Buffer) => chunks.push(chunk));
      // handled at once: a client that leaves rejects it before it is awaited
      const sent = pipeline(compressor, res).then(
        () => true,
        () => false,
      );
      const whole = await writeTexts(compressor, view.texts);
      if (whole) compressor.end();
      else compressor.destroy();
      if (!(await sent) || !whole) return;
      const bytes = Buffer.concat(chunks);
      this.compressed.set(`${answer.key}#${encoding}`, { bytes, revision: view.revision });
    } catch {
      // a read failed midway or the socket did: the answer has started, nothing else to send
      res.destroy();
    }
  }
}
