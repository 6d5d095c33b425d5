/**
 * GET /incidents/:id without time travel: the current view's bytes, kept per revision, so a GET
 * at an unchanged revision costs one indexed read of the revision and a write of bytes already
 * made (no claim rows read, no string built, nothing encoded again). A view too big to keep
 * uncompressed is streamed from its rows a batch of claims at a time (backpressure-aware), and
 * only its compressed bytes are kept.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ReadModelQueries } from '../projections/read-model-queries.js';
import type { ViewParts } from '../projections/view-rows.js';
import {
  answeredUnchanged,
  chooseEncoding,
  COMPRESS_FROM_BYTES,
  compressStream,
  type Encoding,
  sendBytes,
} from './json-body.js';
import { incidentNotFound } from './not-found.js';
import { type KeptView, ViewBytes } from './view-bytes.js';
import { SNAPSHOT_FROM_CLAIMS, textBatches, ViewSnapshots } from './view-snapshot.js';
import { writeText } from './write-text.js';

/** Views up to this many characters are kept as one Buffer; bigger ones are streamed. */
export const KEEP_PLAIN_CHARS = 1024 * 1024;

/** A kept answer: the bytes of the view at `revision`, in `encoding` (none: plain JSON). */
export interface KeptAnswer {
  revision: number;
  bytes: Buffer;
  encoding?: Encoding;
}

@Injectable()
export class CurrentViewBodies implements OnModuleDestroy {
  private readonly bytes = new ViewBytes();
  private readonly snapshots: ViewSnapshots;

  constructor(private readonly queries: ReadModelQueries) {
    this.snapshots = new ViewSnapshots(queries.file());
  }

  onModuleDestroy(): void {
    this.snapshots.close();
  }

  /**
   * Answers from bytes already made for the current revision (or 304), synchronously; false
   * (nothing sent) when there are none yet for this encoding.
   */
  sendIfKept(req: Request, res: Response, incidentId: string): boolean {
    const kept = this.keptAnswer(req, incidentId);
    if (!kept) return false;
    if (answeredUnchanged(req, res, kept.revision)) return true;
    sendBytes(res, kept.bytes, kept.encoding);
    return true;
  }

  /**
   * The bytes kept for the incident's current revision in the encoding this request takes;
   * undefined when there are none yet (reads one indexed row, sends nothing).
   */
  keptAnswer(req: IncomingMessage, incidentId: string): KeptAnswer | undefined {
    const revision = this.queries.revision(incidentId);
    if (revision === undefined) return undefined;
    const kept = this.bytes.get(`${this.queries.tables.incidents}/${incidentId}`, revision);
    if (!kept) return undefined;
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const plain = kept.plain && (!encoding || kept.plain.length < COMPRESS_FROM_BYTES);
    const bytes = plain ? kept.plain : encoding && this.bytes.ready(kept, encoding);
    if (!bytes) return undefined;
    return { revision, bytes, encoding: plain ? undefined : encoding };
  }

  async send(req: Request, res: Response, incidentId: string): Promise<void> {
    // from here to the read of the rows nothing awaits: the rows are at this revision
    const head = this.head(incidentId);
    if (!head) throw incidentNotFound(incidentId);
    const { revision } = head;
    if (answeredUnchanged(req, res, revision)) return;
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const slot = `${this.queries.tables.incidents}/${incidentId}`;
    const kept = this.bytes.get(slot, revision);
    if (kept?.plain) return this.sendKept(res, kept, kept.plain, encoding);
    const compressed = encoding && kept?.compressed[encoding];
    if (compressed) return sendBytes(res, await compressed, encoding);

    const snapshot =
      head.claims >= SNAPSHOT_FROM_CLAIMS
        ? this.snapshots.begin(this.queries.tables, incidentId, revision)
        : undefined;
    if (snapshot) {
      const view = kept ?? this.bytes.start(slot, revision);
      try {
        await this.stream(req, res, snapshot.batches(), encoding, view);
      } finally {
        snapshot.end();
      }
      return;
    }
    const read = this.queries.viewParts(incidentId);
    if (!read) throw incidentNotFound(incidentId);
    if (charsOf(read.parts) <= KEEP_PLAIN_CHARS) {
      const plain = Buffer.from(joined(read.parts));
      return this.sendKept(res, this.bytes.start(slot, read.revision, plain), plain, encoding);
    }
    const view = kept ?? this.bytes.start(slot, revision);
    const { open, claims, close } = read.parts;
    await this.stream(
      req,
      res,
      textBatches(open, claims, () => close),
      encoding,
      view,
    );
  }

  /** The incident's revision and claim count, one indexed row. */
  private head(incidentId: string): { revision: number; claims: number } | undefined {
    return this.queries
      .prepare<{ revision: number; claims: number }>(
        `SELECT revision, claim_count AS claims FROM ${this.queries.tables.incidents}
         WHERE incident_id = ?`,
      )
      .get(incidentId);
  }

  private async sendKept(
    res: Response,
    view: KeptView,
    plain: Buffer,
    encoding: Encoding | undefined,
  ): Promise<void> {
    if (!encoding || plain.length < COMPRESS_FROM_BYTES) return sendBytes(res, plain);
    sendBytes(res, await this.bytes.compressPlain(view, plain, encoding), encoding);
  }

  /** Sends a big view in batches of claims; a compressed one is also kept once complete. */
  private async stream(
    req: Request,
    res: Response,
    text: Iterable<string>,
    encoding: Encoding | undefined,
    view: KeptView,
  ): Promise<void> {
    res.status(200);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      if (!encoding) {
        await writeText(res, text);
        return;
      }
      const source = Readable.from(text, { objectMode: false });
      const compressor = compressStream[encoding]();
      const chunks: Buffer[] = [];
      compressor.on('data', (chunk: Buffer) => chunks.push(chunk));
      await pipeline(source, compressor, res);
      // kept only once complete (a client that leaves midway leaves nothing half made to wait on)
      const whole = Buffer.concat(chunks);
      void this.bytes.compressed(view, encoding, () => Promise.resolve(whole));
    } catch {
      // the client went away, or the socket failed: the answer has started, nothing to send
      res.destroy();
    }
  }
}

function charsOf({ open, claims, close }: ViewParts): number {
  let chars = open.length + close.length + claims.length;
  for (const claim of claims) chars += claim.length;
  return chars;
}

function joined({ open, claims, close }: ViewParts): string {
  return `${open}${claims.join(',')}${close}`;
}
