import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from '@jest/globals';
import { writeText } from './write-text.js';

/** A server whose one route answers with `pieces` through writeText; the outcome of each. */
async function serve(pieces: () => Iterable<string>) {
  const outcomes: Promise<void>[] = [];
  const server = http.createServer((_req, res) => {
    outcomes.push(writeText(res, pieces()));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, outcomes, url: `http://127.0.0.1:${port}/` };
}

let running: http.Server | undefined;
afterEach(() => {
  running?.closeAllConnections();
  running?.close();
  running = undefined;
});

describe('writeText', () => {
  test('sends every piece in order, waiting for the socket to drain', async () => {
    // 8 MB in 256 KiB pieces: far past a socket's buffer, so writes wait for 'drain'
    const piece = (i: number) => String(i % 10).repeat(256 * 1024);
    const pieces = function* () {
      for (let i = 0; i < 32; i++) yield piece(i);
    };
    const { server, outcomes, url } = await serve(pieces);
    running = server;
    const body = await (await fetch(url)).text();
    await expect(outcomes[0]).resolves.toBeUndefined();
    expect(body).toBe([...pieces()].join(''));
  });

  test('rejects when the client goes away before the body is written', async () => {
    const pieces = function* () {
      for (;;) yield 'x'.repeat(256 * 1024);
    };
    const { server, outcomes, url } = await serve(pieces);
    running = server;
    const aborted = new AbortController();
    const response = await fetch(url, { signal: aborted.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    aborted.abort();
    await expect(outcomes[0]).rejects.toThrow();
  });
});
