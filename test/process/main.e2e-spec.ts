import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { compileService, startService } from './compiled-service.js';

describe('the service process (node dist/main.js)', () => {
  let main: string;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-process-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    main = await compileService();
  }, 120_000);
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test('a bad setting stops start-up with a message naming the variable', async () => {
    const service = startService(main, { STORYLINE_PUBLIC_READ: 'maybe' });
    const { code, stderr } = await service.exited;
    expect(code).toBe(2);
    expect(stderr).toContain('STORYLINE_PUBLIC_READ must be true or false');
  });

  test('first start: an admin token file (0600) is made and its path logged, never the token; SIGTERM closes cleanly', async () => {
    const dir = tempDir();
    const service = startService(main, {
      PORT: '0',
      STORYLINE_STORE: `sqlite:${path.join(dir, 'storyline.db')}`,
      STORYLINE_DEMO: 'false',
    });
    const listening = await service.waitForLog((l) => l.msg === 'storyline listening');
    const url = String(listening.url).replace('[::1]', '127.0.0.1');
    const tokenFile = path.join(dir, 'admin-token');
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(service.logs.some((l) => l.file === tokenFile)).toBe(true);
    expect(JSON.stringify(service.logs)).not.toContain(token);

    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const anonymous = await fetch(`${url}/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(anonymous.status).toBe(401);
    const written = await fetch(`${url}/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ incidentId: 'by-admin', title: 'x' }),
    });
    expect(written.status).toBe(201);
    expect(service.logs.some((l) => l.msg === 'request' && typeof l.requestId === 'string')).toBe(
      true,
    );

    service.child.kill('SIGTERM');
    const { code } = await service.exited;
    expect(code).toBe(0);
    expect(service.logs.some((l) => l.msg === 'event store closed')).toBe(true);
  });

  test('an empty store starts with the At Tanf demo story; a restart does not load it twice', async () => {
    const dir = tempDir();
    const env = { PORT: '0', STORYLINE_STORE: `sqlite:${path.join(dir, 'storyline.db')}` };
    const first = startService(main, env);
    const url = String((await first.waitForLog((l) => l.msg === 'storyline listening')).url);
    expect(first.logs.some((l) => l.msg === 'demo story loaded')).toBe(true);
    const list = (await (await fetch(`${url}/incidents`)).json()) as {
      items: { incidentId: string }[];
    };
    expect(list.items.map((i) => i.incidentId)).toEqual(['at-tanf-2017-05-18']);
    const health = (await (await fetch(`${url}/health`)).json()) as { position: string };
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = startService(main, env);
    const again = String((await second.waitForLog((l) => l.msg === 'storyline listening')).url);
    expect(second.logs.some((l) => l.msg === 'demo story loaded')).toBe(false);
    expect(((await (await fetch(`${again}/health`)).json()) as { position: string }).position).toBe(
      health.position,
    );
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });

  test('an unreachable KurrentDB: the service starts, health and writes answer 503, reads keep answering', async () => {
    const dir = tempDir();
    const service = startService(main, {
      PORT: '0',
      // a closed local port: the real client, no server behind it
      STORYLINE_STORE: 'kurrentdb://127.0.0.1:1?tls=false',
      STORYLINE_READ_MODEL: `sqlite:${path.join(dir, 'read-model.db')}`,
      STORYLINE_TOKENS: 'rita:reporter:reporter-token-0123456789',
    });
    const url = String((await service.waitForLog((l) => l.msg === 'storyline listening')).url);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const write = await fetch(`${url}/incidents`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer reporter-token-0123456789',
      },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(write.status).toBe(503);
    expect((await fetch(`${url}/incidents`)).status).toBe(200);
    service.child.kill('SIGTERM');
    expect((await service.exited).code).toBe(0);
  });

  test('SIGTERM lets a request in flight finish, then refuses new connections', async () => {
    const dir = tempDir();
    const token = 'rita-reporter-token-0123456789';
    const service = startService(main, {
      PORT: '0',
      STORYLINE_STORE: `sqlite:${path.join(dir, 'storyline.db')}`,
      STORYLINE_DEMO: 'false',
      STORYLINE_TOKENS: `rita:reporter:${token}`,
    });
    const url = new URL(
      String((await service.waitForLog((l) => l.msg === 'storyline listening')).url),
    );
    const body = JSON.stringify({ incidentId: 'in-flight', title: 'Arrives in two halves' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/incidents',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
            // the server's 100 Continue proves it is handling the request before the signal
            expect: '100-continue',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.on('continue', () => {
        req.write(body.slice(0, 10));
        // the signal lands while the body is still arriving
        void service
          .waitForLog((l) => l.msg === 'shutting down')
          .then(() => req.end(body.slice(10)));
        service.child.kill('SIGTERM');
      });
      req.flushHeaders();
    });
    const { status, text } = await answer;
    expect(status).toBe(201);
    expect(JSON.parse(text)).toMatchObject({ incidentId: 'in-flight', revision: 0 });
    expect((await service.exited).code).toBe(0);
    await expect(fetch(`${url.origin}/health`)).rejects.toThrow();
  });
});
