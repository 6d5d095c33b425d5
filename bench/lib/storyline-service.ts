import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { root } from './bench-env.js';
import { serviceNodeFlags } from './service-node-flags.js';
import { startTimed, type TimedServer } from './timed-process.js';

/** The compiled service (`npm run build`), started on a fresh store in `dir`. */
export interface Storyline extends TimedServer {
  token: string;
  /** POSTs JSON with the bench token; throws unless the answer is 201. */
  write(route: string, body: unknown): Promise<Record<string, unknown>>;
}

export async function startStoryline(dir: string): Promise<Storyline> {
  const token = randomBytes(16).toString('hex');
  // STORYLINE_BENCH_MAIN: another build to measure (e.g. the commit before a change)
  const main = process.env.STORYLINE_BENCH_MAIN ?? path.join(root, 'dist/main.js');
  const server = await startTimed(
    main,
    {
      PORT: '0',
      HOST: '127.0.0.1',
      STORYLINE_STORE: `sqlite:${path.join(dir, 'storyline.db')}`,
      STORYLINE_DEMO: 'false',
      STORYLINE_TOKENS: `bench:admin:${token}`,
      // one token drives every connection: the per-token write limit (1000/s by default) would
      // cap the write benches below the raw baseline and turn the rest into 429s
      STORYLINE_WRITE_RATE: '1000000',
      STORYLINE_WRITE_BURST: '10000000',
    },
    { nodeFlags: serviceNodeFlags() },
  );
  return {
    ...server,
    token,
    write: (route, body) => postJson(`${server.url}${route}`, body, token),
  };
}

export async function postJson(
  url: string,
  body: unknown,
  token?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    // a write that hangs must fail the bench, not stall it
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}
