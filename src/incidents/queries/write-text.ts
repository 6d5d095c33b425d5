import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Writes `text` to `out` a piece at a time, waiting whenever it asks to drain, then ends it.
 * The pieces reach the socket as strings: it copies each into memory of its own and frees that
 * once written, where a Readable first makes a Buffer of each piece that lasts until V8 collects
 * it (~13 MB of native memory still held after one plain GET of a 49 MB view). Rejects when
 * `out` closes first (the client went away).
 */
export async function writeText(out: Writable, text: Iterable<string>): Promise<void> {
  for (const piece of text) {
    if (out.destroyed) throw new Error('the response closed before its body was written');
    if (!out.write(piece)) await drained(out);
  }
  out.end();
  await finished(out);
}

async function drained(out: Writable): Promise<void> {
  const closed = new AbortController();
  const onClose = () => closed.abort();
  out.once('close', onClose);
  try {
    await once(out, 'drain', { signal: closed.signal });
  } finally {
    out.off('close', onClose);
  }
}
