import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { bootApp, type BootedApp } from '../support/boot.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

describe('the dashboard is served at /', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp();
  });
  afterAll(async () => {
    await booted?.close();
  });

  test('GET / is the page, revalidated on each load, with a strict CSP', async () => {
    const res = await request(booted.url).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('<div id="app"></div>');
  });

  test('the assets the page names are served with their types and cached for good', async () => {
    const page = await request(booted.url).get('/');
    const script = /src="(\/assets\/app-[A-Z0-9]+\.js)"/.exec(page.text)?.[1];
    const style = /href="(\/assets\/app-[A-Z0-9]+\.css)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    const js = await request(booted.url).get(script!);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await request(booted.url).get(style!);
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  test('unknown or crafted asset names are 404 problems, never files outside the folder', async () => {
    for (const path of [
      '/assets/nope.js',
      '/assets/..%2Findex.html',
      '/assets/.hidden.js',
      '/assets/x.exe',
    ]) {
      const res = await request(booted.url).get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['cache-control']).toBeUndefined();
    }
  });

  test('the page is not part of the OpenAPI description', async () => {
    const res = await request(booted.url).get('/docs/json');
    expect(res.status).toBe(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    expect(paths).not.toContain('/');
    expect(paths.some((p) => p.startsWith('/assets'))).toBe(false);
    expect(paths).toContain('/incidents');
  });
});
