import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { auth, bootApp, type BootedApp } from '../support/boot.js';

/** Connects to /feed with the given handshake headers; resolves 'connected' or the error. */
function tryFeed(url: string, headers: Record<string, string> = {}): Promise<[string, Socket]> {
  const socket = io(`${url}/feed`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(['connected', socket]));
    socket.once('connect_error', (error) => resolve([error.message, socket]));
  });
}

describe('hardening, by default', () => {
  let booted: BootedApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    booted = await bootApp({
      env: { STORYLINE_REQUEST_TIMEOUT_MS: '1000', STORYLINE_HEADERS_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await booted.close();
  });

  test.each(['/health', '/incidents', '/events', '/docs/json', '/no-such-route'])(
    'helmet headers on %s',
    async (path) => {
      const res = await request(booted.url).get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    },
  );

  test('the dashboard page keeps its own CSP', async () => {
    const res = await request(booted.url).get('/');
    if (res.status === 503) return; // the dashboard is not built in this checkout
    expect(res.headers['content-security-policy']).toMatch(/connect-src 'self' ws: wss:/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  test('no CORS header for any origin unless configured', async () => {
    const preflight = await request(booted.url)
      .options('/incidents')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await request(booted.url)
      .get('/incidents')
      .set('Origin', 'https://elsewhere.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the feed refuses a foreign Origin, accepts its own and none', async () => {
    const host = new URL(booted.url).host;
    const [foreign, a] = await tryFeed(booted.url, { origin: 'https://elsewhere.example' });
    const [own, b] = await tryFeed(booted.url, { origin: `http://${host}` });
    const [none, c] = await tryFeed(booted.url);
    sockets.push(a, b, c);
    expect(foreign).not.toBe('connected');
    expect(own).toBe('connected');
    expect(none).toBe('connected');
  });

  test('a request whose body never arrives is cut with 408 after the request timeout', async () => {
    const { port } = new URL(booted.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.write(
      'POST /incidents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ti',
    );
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('headers sent one byte at a time are cut after the headers timeout', async () => {
    const { port } = new URL(booted.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    const closed = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('hardening, configured', () => {
  let booted: BootedApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    booted = await bootApp({
      env: {
        STORYLINE_CORS_ORIGINS: 'https://newsroom.example,http://localhost:8080',
      },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await booted.close();
  });

  test('CORS answers the allowed origins only', async () => {
    const allowed = await request(booted.url)
      .options('/incidents')
      .set('Origin', 'https://newsroom.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,idempotency-key,content-type');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://newsroom.example');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);
    const get = await request(booted.url).get('/health').set('Origin', 'http://localhost:8080');
    expect(get.headers['access-control-allow-origin']).toBe('http://localhost:8080');
    expect(get.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
    const other = await request(booted.url).get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the feed accepts a configured Origin and refuses others', async () => {
    const [allowed, a] = await tryFeed(booted.url, { origin: 'https://newsroom.example' });
    a.disconnect();
    const [refused, b] = await tryFeed(booted.url, { origin: 'https://evil.example' });
    b.disconnect();
    expect(allowed).toBe('connected');
    expect(refused).not.toBe('connected');
  });
});

describe('feed connection caps', () => {
  let booted: BootedApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    booted = await bootApp({
      env: { STORYLINE_FEED_MAX_CONNECTIONS: '5', STORYLINE_FEED_MAX_CONNECTIONS_PER_IP: '3' },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await booted.close();
  });

  test('feed connections are capped per address and in total', async () => {
    const results: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [result, socket] = await tryFeed(booted.url, { 'x-forwarded-for': '10.0.0.1' });
      sockets.push(socket);
      results.push(result);
    }
    expect(results).toEqual(['connected', 'connected', 'connected', expect.any(String)]);
    expect(results[3]).not.toBe('connected');
    const more: string[] = [];
    for (const address of ['10.0.0.2', '10.0.0.3', '10.0.0.4']) {
      const [result, socket] = await tryFeed(booted.url, { 'x-forwarded-for': address });
      sockets.push(socket);
      more.push(result);
    }
    expect(more.slice(0, 2)).toEqual(['connected', 'connected']);
    expect(more[2]).not.toBe('connected');
  });
});

describe('write rate per token', () => {
  let booted: BootedApp;
  beforeAll(async () => {
    booted = await bootApp({ env: { STORYLINE_WRITE_RATE: '1', STORYLINE_WRITE_BURST: '3' } });
  });
  afterAll(() => booted.close());

  test('past the burst a token gets 429 + Retry-After and stores nothing; other tokens go on', async () => {
    const open = (role: 'reporter' | 'editor', title: string) =>
      request(booted.url).post('/incidents').set(auth(role)).send({ title });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await open('reporter', `t${i}`));
    expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 429, 429]);
    expect(answers[3].headers['retry-after']).toBe('1');
    expect(answers[3].headers['content-type']).toMatch(/^application\/problem\+json/);
    const list = await request(booted.url).get('/incidents').expect(200);
    expect((list.body as { items: unknown[] }).items).toHaveLength(3);
    await open('editor', 'other token').expect(201);
    await request(booted.url).get('/health').expect(200);
  });
});

describe('write rate per token, after the auth guard and before validation', () => {
  let booted: BootedApp;
  beforeAll(async () => {
    booted = await bootApp({ env: { STORYLINE_WRITE_RATE: '1', STORYLINE_WRITE_BURST: '3' } });
  });
  afterAll(() => booted.close());

  test('a write the role check refuses spends nothing; past the burst a bad body is 429, not 400', async () => {
    for (let i = 0; i < 4; i++) {
      await request(booted.url)
        .patch('/incidents/not-mine')
        .set(auth('reporter'))
        .send({ title: 'needs an editor' })
        .expect(403);
    }
    for (let i = 0; i < 3; i++) {
      await request(booted.url)
        .post('/incidents')
        .set(auth('reporter'))
        .send({ title: `t${i}` })
        .expect(201);
    }
    const late = await request(booted.url)
      .post('/incidents')
      .set(auth('reporter'))
      .send({ title: 42, unknown: true });
    expect(late.status).toBe(429);
    expect(late.headers['retry-after']).toBe('1');
  });
});
