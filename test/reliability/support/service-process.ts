import path from 'node:path';
import type { FeedEnvelope } from '../../../src/feed/client/feed-types.js';
import { startService, type RunningService } from '../../process/compiled-service.js';
import { TOKENS } from '../../support/boot.js';

export interface ServiceProcess {
  service: RunningService;
  url: string;
}

/** The environment of a compiled service on `dir`, with the test tokens and no demo story. */
export function serviceEnv(
  dir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    STORYLINE_STORE: `sqlite:${path.join(dir, 'storyline.db')}`,
    STORYLINE_TOKENS: `rita:reporter:${TOKENS.reporter},eddie:editor:${TOKENS.editor},ada:admin:${TOKENS.admin}`,
    STORYLINE_DEMO: 'false',
    ...extra,
  };
}

/** Starts `node main.js` (optionally with node flags) and resolves once it listens. */
export async function startListening(
  main: string,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const service = startService(main, env);
  const listening = await service.waitForLog((l) => l.msg === 'storyline listening');
  return { service, url: String(listening.url).replace('[::1]', '127.0.0.1') };
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** One JSON request; the body of any answer, parsed. */
export async function call(
  url: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${route}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  try {
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  } catch {
    return { status: response.status, body: { raw: text } };
  }
}

/** Every incident event of the log, through `GET /events`, page by page. */
export async function allEvents(url: string): Promise<FeedEnvelope[]> {
  const events: FeedEnvelope[] = [];
  let after = '0';
  for (;;) {
    const page = await call(url, 'GET', `/events?after=${after}&limit=1000`);
    if (page.status !== 200) throw new Error(`GET /events answered ${page.status}`);
    events.push(...(page.body.items as FeedEnvelope[]));
    // a page can hold fewer items than read (the log's other streams are left out): the end is
    // where `next` stops moving
    if (page.body.next === after) return events;
    after = String(page.body.next);
  }
}
