import http from 'node:http';
import { elapsedMs } from '../lib/stats.js';

/** A time-travel figure: the first GET (computed) and the median of the repeats after it. */
export interface TravelGets {
  firstMs: number;
  medianMs: number;
  bytes: number;
}

/**
 * One GET timed to its last byte. The body's bytes are counted as they arrive, not joined into
 * one buffer: joining a 24 MB body costs this client tens of ms of fresh-memory page faults on
 * the bench VM, which is not the server's time (a status other than 200 is an error).
 */
function countedGet(url: string, timeoutMs = 60_000) {
  return new Promise<{ ms: number; bytes: number }>((resolve, reject) => {
    const start = process.hrtime.bigint();
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      let bytes = 0;
      const failed: Buffer[] = [];
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (response.statusCode !== 200) failed.push(chunk);
      });
      response.on('end', () => {
        if (response.statusCode === 200) resolve({ ms: elapsedMs(start), bytes });
        else
          reject(
            new Error(`GET ${url}: ${response.statusCode} ${Buffer.concat(failed).toString()}`),
          );
      });
      response.on('error', reject);
    });
    request.on('timeout', () =>
      request.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)),
    );
    request.on('error', reject);
  });
}

/**
 * The first GET of a view, which the server computes, then the median of `runs` more (which it
 * may answer from the bytes it kept: a view at a revision never changes).
 */
export async function travelGets(url: string, runs: number): Promise<TravelGets> {
  const first = await countedGet(url);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await countedGet(url)).ms);
  times.sort((a, b) => a - b);
  return { firstMs: first.ms, medianMs: times[Math.floor(times.length / 2)], bytes: first.bytes };
}
