import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { expect, test } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { securityHeaders } from './security.js';

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

function headersAfter(middleware: Middleware): Record<string, unknown> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'something');
  let nexts = 0;
  middleware(req as Request, res as unknown as Response, () => nexts++);
  expect(nexts).toBe(1);
  return res.getHeaders();
}

test('the precomputed security headers are exactly what helmet sets with the same options', () => {
  const own = headersAfter(securityHeaders());
  const helmets = headersAfter(
    helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }),
  );
  expect(own).toEqual(helmets);
  expect(own['x-powered-by']).toBeUndefined();
  expect(String(own['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  expect(Object.keys(own).length).toBeGreaterThan(8);
});
