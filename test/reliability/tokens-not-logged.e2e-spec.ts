import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { io } from 'socket.io-client';
import { compileService } from '../process/compiled-service.js';
import { connectFeed, openFeed, subscribe } from '../feed/feed-test-client.js';
import { TOKENS } from '../support/boot.js';
import { call, serviceEnv, startListening } from './support/service-process.js';

/** Tokens nobody holds, shaped like real ones, and near-misses of the real ones. */
const WRONG = [
  'wrong-token-0123456789abcdef',
  `${TOKENS.reporter}x`,
  TOKENS.editor.slice(0, -1),
  'Zm9yZ2VkLXRva2VuLWJhc2U2NC0xMjM0NTY=',
];
const SECRETS = [...Object.values(TOKENS), ...WRONG];
const source = [{ name: 'Reuters', kind: 'wire' }];

/** Authorization headers: valid, wrong, malformed, on the wrong route. */
function authorizations(): Record<string, string>[] {
  return [
    {},
    ...Object.values(TOKENS).map((t) => ({ authorization: `Bearer ${t}` })),
    ...WRONG.map((t) => ({ authorization: `Bearer ${t}` })),
    { authorization: `bearer ${TOKENS.reporter}` },
    { authorization: TOKENS.editor },
    { authorization: `Basic ${TOKENS.admin}` },
    { authorization: `Bearer ${TOKENS.reporter} ${TOKENS.admin}` },
    { authorization: `Bearer  ${WRONG[0]}` },
  ];
}

async function exercise(url: string, bodies: string[], round: number): Promise<void> {
  for (const [i, headers] of authorizations().entries()) {
    const id = `tokens-${round}-${i}`;
    const requests = [
      call(url, 'POST', '/incidents', { headers, body: { incidentId: id, title: 'Tokens' } }),
      call(url, 'POST', `/incidents/${id}/statements`, {
        headers,
        body: { text: 'said', attribution: source, reportedAt: '2017-05-18T19:05:00Z' },
      }),
      call(url, 'PATCH', `/incidents/${id}`, { headers, body: { title: 'Edited' } }),
      call(url, 'POST', `/incidents/${id}/statements`, { headers, body: { text: 1 } }),
      call(url, 'GET', `/incidents/${id}`, { headers }),
      call(url, 'GET', `/incidents/${id}?asOf=2030-01-01T00:00:00Z`, { headers }),
      call(url, 'GET', '/incidents?limit=5', { headers }),
      call(url, 'GET', '/events?limit=5', { headers }),
      call(url, 'GET', '/health', { headers }),
      call(url, 'GET', '/no-such-route', { headers }),
    ];
    for (const answer of await Promise.all(requests)) {
      expect(answer.status).toBeLessThan(500);
      bodies.push(JSON.stringify(answer.body));
    }
    // a rebuild attempt last, so only one runs at a time (admins get 202 or 409)
    const rebuild = await call(url, 'POST', '/admin/projections/rebuild', { headers });
    expect(rebuild.status).toBeLessThan(500);
    bodies.push(JSON.stringify(rebuild.body));
  }
}

async function exerciseFeed(url: string, messages: string[]): Promise<void> {
  for (const token of [...Object.values(TOKENS), undefined]) {
    try {
      const socket = await connectFeed(url, { token });
      const ack = await subscribe(socket, { after: '0', token: WRONG[0] });
      messages.push(JSON.stringify(ack));
      messages.push(JSON.stringify(await subscribe(socket, { incidentId: 'tokens-0-1' })));
      socket.close();
    } catch (error) {
      messages.push(String(error));
    }
  }
  for (const token of WRONG) {
    const socket = openFeed(url, { token });
    messages.push(
      await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
      }),
    );
    socket.close();
  }
  // a token where none is read: the handshake query
  const queried = io(`${url}/feed`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    query: { token: WRONG[0], access_token: TOKENS.admin },
  });
  messages.push(
    await new Promise<string>((resolve) => {
      queried.once('connect', () => resolve('connected'));
      queried.once('connect_error', (error) => resolve(error.message));
    }),
  );
  queried.close();
}

describe.each([
  ['public', 'true'],
  ['private', 'false'],
])('no token in any log line or body (%s reads)', (_name, publicRead) => {
  let main: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-tokens-'));
  beforeAll(async () => {
    main = await compileService();
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes, reads, replays, rebuilds and the feed with valid, wrong and malformed tokens', async () => {
    const { service, url } = await startListening(
      main,
      serviceEnv(dir, { STORYLINE_PUBLIC_READ: publicRead }),
    );
    const bodies: string[] = [];
    try {
      await exercise(url, bodies, 0);
      await exerciseFeed(url, bodies);
      await exercise(url, bodies, 1);
    } finally {
      service.child.kill('SIGTERM');
    }
    const { code, stderr } = await service.exited;
    expect(code).toBe(0);

    // the run was logged (so the check below looks at something)
    const lines = service.logs.map((line) => JSON.stringify(line));
    expect(service.logs.filter((l) => l.msg === 'request').length).toBeGreaterThan(200);
    expect(service.logs.some((l) => l.status === 401)).toBe(true);
    expect(bodies.some((b) => b.includes('"status":401') || b.includes('"status":403'))).toBe(true);
    for (const secret of SECRETS) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
      expect(stderr).not.toContain(secret);
      expect(bodies.filter((body) => body.includes(secret))).toEqual([]);
    }
  }, 120_000);
});
