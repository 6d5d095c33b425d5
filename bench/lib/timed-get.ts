import http from 'node:http';
import { elapsedMs } from './stats.js';

/** One GET, timed to its last byte: status, milliseconds and the bytes on the wire. */
export interface TimedGet {
  status: number;
  ms: number;
  bytes: number;
  body: Buffer;
}

export function timedGet(url: string, headers: Record<string, string> = {}, timeoutMs = 60_000) {
  return new Promise<TimedGet>((resolve, reject) => {
    const start = process.hrtime.bigint();
    const request = http.get(url, { headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          ms: elapsedMs(start),
          bytes: body.length,
          body,
        });
      });
      response.on('error', reject);
    });
    request.on('timeout', () =>
      request.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)),
    );
    request.on('error', reject);
  });
}

/** The median time of `runs` GETs (after one unmeasured), and the last answer. */
export async function medianGet(
  url: string,
  runs: number,
  headers: Record<string, string> = {},
): Promise<TimedGet> {
  let last = await timedGet(url, headers);
  if (last.status !== 200) throw new Error(`GET ${url}: ${last.status} ${last.body.toString()}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = await timedGet(url, headers);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  return { ...last, ms: times[Math.floor(times.length / 2)] };
}
