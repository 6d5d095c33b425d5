import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import type { Limits } from '../../config/limits.js';

/** Request headers a cross-origin caller may send, and response headers it may read. */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
  'X-Request-Id',
];
const EXPOSED_HEADERS = ['ETag', 'Location', 'Retry-After', 'X-Request-Id'];

/** A middleware that works on Node's own request and response as well as on Express's. */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Security headers on every response (helmet's defaults; the dashboard page sets its own CSP over
 * them), and CORS only for the configured origins (none by default: no CORS header at all).
 * Returns the headers middleware it installed (the kept-view answer runs it too).
 */
export function applySecurity(app: NestExpressApplication, limits: Limits): NodeMiddleware {
  const headers = securityHeaders();
  app.use(headers);
  if (limits.corsOrigins.length > 0) {
    app.enableCors({
      origin: limits.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PATCH'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
  return headers;
}

/**
 * Helmet's headers, worked out once: with these options every one of them is a constant (no
 * directive depends on the request), so one middleware sets the recorded list instead of running
 * helmet's chain of eleven middlewares on every request.
 */
export function securityHeaders(): NodeMiddleware {
  // plain HTTP is served (behind TLS or on a newsroom LAN): no forced upgrade of sub-requests
  const middleware = helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  let passedOn = false;
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    passedOn = error === undefined;
  });
  if (!passedOn) throw new Error('helmet did not pass a request on with these options');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/**
 * Whether a Socket.IO handshake's Origin may connect: absent (not a browser), the service's own
 * origin (the dashboard), or a configured one.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  limits: Limits,
): boolean {
  if (origin === undefined) return true;
  if (limits.corsOrigins.includes(origin.toLowerCase())) return true;
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
