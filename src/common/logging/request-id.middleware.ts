import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestContext } from './request-context.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{1,100}$/;
const logger = new Logger('http');

/**
 * Gives every request an id (the caller's, when sane), returns it, and logs the request once done.
 * Works on Node's own request too (the kept-view answer runs it before Express).
 */
export function requestIdMiddleware(
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next: () => void,
): void {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const started = process.hrtime.bigint();
  requestContext.run({ requestId }, () => {
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      requestContext.run({ requestId }, () =>
        logger.log({
          msg: 'request',
          method: req.method,
          path: req.originalUrl ?? req.url,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        }),
      );
    });
    next();
  });
}
