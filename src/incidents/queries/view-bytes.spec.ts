import { describe, expect, test } from '@jest/globals';
import { brotliDecompressSync } from 'node:zlib';
import { ViewBytes } from './view-bytes.js';

const text = (revision: number) => Buffer.from(JSON.stringify({ revision, pad: 'x'.repeat(2000) }));

describe('ViewBytes', () => {
  test('a compression that ends after a later revision is kept neither displaces it nor answers for it', async () => {
    const bytes = new ViewBytes();
    const old = bytes.start('incident', 1, text(1));
    const compressing = bytes.compressPlain(old, text(1), 'br');
    const newer = bytes.start('incident', 2, text(2));
    // the request that asked at revision 1 still gets revision 1's bytes
    expect(brotliDecompressSync(await compressing)).toEqual(text(1));
    expect(bytes.get('incident', 1)).toBeUndefined();
    expect(bytes.get('incident', 2)).toBe(newer);
    expect(bytes.ready(newer, 'br')).toBeUndefined();
    // an older view arriving late is not kept over the newer one
    bytes.start('incident', 1, text(1));
    expect(bytes.get('incident', 2)).toBe(newer);
    expect(bytes.size).toBe(text(2).length);
  });

  test('one compression per view and encoding, shared by every asker', async () => {
    const bytes = new ViewBytes();
    const view = bytes.start('incident', 3, text(3));
    const first = bytes.compressPlain(view, text(3), 'gzip');
    expect(bytes.compressPlain(view, text(3), 'gzip')).toBe(first);
    const done = await first;
    expect(bytes.ready(view, 'gzip')).toBe(done);
    expect(bytes.size).toBe(text(3).length + done.length);
  });

  test('bounded by bytes: the least recently used views go first', () => {
    const size = text(0).length;
    const bytes = new ViewBytes(size * 2);
    bytes.start('a', 0, text(0));
    bytes.start('b', 0, text(0));
    bytes.get('a', 0);
    bytes.start('c', 0, text(0));
    expect(bytes.get('b', 0)).toBeUndefined();
    expect(bytes.get('a', 0)).toBeDefined();
    expect(bytes.get('c', 0)).toBeDefined();
    expect(bytes.size).toBe(size * 2);
  });
});
