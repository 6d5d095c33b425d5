/**
 * A JSON body in byte pieces (a big time-travel view, see viewPieces), written one after another
 * with their total as Content-Length: joining tens of MB into one buffer first costs more (fresh
 * memory) than the copy itself. Or a body streamed as texts (writeTexts), copied into two
 * buffers that every streamed answer reuses, so a 24 MB answer touches 1 MB of memory.
 */
import type { Writable } from 'node:stream';
import type { Response } from 'express';

export const piecesLength = (pieces: readonly Buffer[]): number =>
  pieces.reduce((total, piece) => total + piece.length, 0);

/** Ends `res` with the pieces as its body (headers already set; none for HEAD). */
export function sendPieces(res: Response, pieces: readonly Buffer[]): void {
  res.setHeader('Content-Length', piecesLength(pieces));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  for (const piece of pieces) res.write(piece);
  res.end();
}

/** Bytes gathered per write of a streamed body. */
export const WRITE_BYTES = 256 * 1024;
/** A buffer holds a write and the longest text that may still fit (3 bytes per UTF-16 unit). */
const BUFFER_BYTES = 2 * WRITE_BYTES;

/** Buffers no streamed body is using (taken two at a time, given back at its end). */
const spare: Buffer[] = [];

/** Resolves true once `chunk` is written, false when `out` failed or closed first. */
function written(out: Writable, chunk: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const closed = () => resolve(false);
    out.once('close', closed);
    out.write(chunk, (error) => {
      out.off('close', closed);
      resolve(!error);
    });
  });
}

/**
 * Writes `texts` (UTF-8) to `out` in writes of about WRITE_BYTES, through two buffers used in
 * turn: one is filled while the other is being written, and a buffer is filled again only
 * once its write has completed. False when `out` failed or closed before the end (the rest is
 * not read). A text too long for a buffer is written on its own.
 */
export async function writeTexts(out: Writable, texts: Iterable<string>): Promise<boolean> {
  const buffers = [
    spare.pop() ?? Buffer.allocUnsafeSlow(BUFFER_BYTES),
    spare.pop() ?? Buffer.allocUnsafeSlow(BUFFER_BYTES),
  ];
  const writes: Promise<boolean>[] = [Promise.resolve(true), Promise.resolve(true)];
  let current = 0;
  let used = 0;
  /** Writes the filled part of the current buffer; waits until the other one is free. */
  const flush = async (): Promise<boolean> => {
    if (used > 0) writes[current] = written(out, buffers[current].subarray(0, used));
    current = 1 - current;
    used = 0;
    return writes[current];
  };
  try {
    for (const text of texts) {
      if (used + text.length * 3 > BUFFER_BYTES && !(await flush())) return false;
      if (text.length * 3 > BUFFER_BYTES) {
        if (!(await written(out, Buffer.from(text)))) return false;
        continue;
      }
      used += buffers[current].write(text, used);
      if (used >= WRITE_BYTES && !(await flush())) return false;
    }
    await flush();
    return (await Promise.all(writes)).every(Boolean);
  } finally {
    // a write still pending holds its buffer: only a stream that failed leaves one, and it
    // writes no more, but such buffers are not reused all the same
    void Promise.all(writes).then((done) => {
      if (done.every(Boolean)) spare.push(...buffers);
    });
  }
}
