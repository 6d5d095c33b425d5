import type { NestExpressApplication } from '@nestjs/platform-express';
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

/**
 * Security headers on every response (helmet's defaults; the dashboard page sets its own CSP over
 * them), and CORS only for the configured origins (none by default: no CORS header at all).
 */
export function applySecurity(app: NestExpressApplication, limits: Limits): void {
  // plain HTTP is served (behind TLS or on a newsroom LAN): no forced upgrade of sub-requests
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (limits.corsOrigins.length > 0) {
    app.enableCors({
      origin: limits.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PATCH'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
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
