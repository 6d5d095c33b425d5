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
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // 'finish' runs outside the request's context: the id goes in the entry itself, where the
    // logger puts it (same field, same place), rather than re-entering the context per request
    logger.log({
      requestId,
      msg: 'request',
      method: req.method,
      path: req.originalUrl ?? req.url,
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
    });
  });
  requestContext.run({ requestId }, next);
}
