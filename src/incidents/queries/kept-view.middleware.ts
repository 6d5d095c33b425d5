import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { NodeMiddleware } from '../../common/http/security.js';
import type { AppConfig } from '../../config/app-config.js';
import type { CurrentViewBodies, KeptAnswer } from './current-view-body.js';
import { sendBytes, setViewHeaders } from './json-body.js';

const VIEW_PATH = /^\/incidents\/([^/]+)\/?$/;

/**
 * The cheapest path for the commonest read: an anonymous GET of an incident's current view
 * (no query, no token, reads public) whose bytes are already made for its revision is answered
 * here, before guards, pipes and interceptors that could not change its answer. Every other
 * request, and this one when no bytes are kept yet, goes on to the controller.
 *
 * It is an application-level middleware placed right after the security headers, the in-flight
 * count and the request log (app-factory.ts), not a Nest route middleware: a bodiless GET has
 * nothing for the body parser and the JSON guards to do, and Nest's router would first match
 * it against every route. That walk was a fifth of the server's CPU per kept answer.
 */
export function keptViewMiddleware(
  bodies: CurrentViewBodies,
  config: AppConfig,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const id = config.publicRead ? plainViewRead(req) : undefined;
    if (id === undefined || !bodies.sendIfKept(req, res, id)) next();
  };
}

/**
 * The same answer one step earlier, on Node's own request and response before Express sees them
 * (TimedExpressAdapter.answerFirst): when the bytes are kept and the request is unconditional,
 * it runs `before` (the security headers, the in-flight count and the request log: the very
 * middlewares Express runs first, in the same order) and sends the bytes; true when it answered.
 * Anything else (no bytes kept yet, If-None-Match or If-Modified-Since, any request
 * when CORS is on) returns false untouched and Express serves it as before. Express's per-request
 * work (its request and response prototypes, the router's walk over every middleware layer) was
 * most of the CPU of a kept answer, and an unconditional GET of a kept view needs none of it.
 */
export function keptViewAnswer(
  bodies: CurrentViewBodies,
  config: AppConfig,
  before: readonly NodeMiddleware[],
): (req: IncomingMessage, res: ServerResponse) => boolean {
  // with CORS on, Express's cors step sets headers (Vary: Origin at least) on every answer
  if (config.limits.corsOrigins.length > 0) return () => false;
  return (req, res) => {
    if (!config.publicRead) return false;
    const { headers } = req;
    if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined)
      return false;
    const id = plainViewRead(req);
    if (id === undefined) return false;
    let kept: KeptAnswer | undefined;
    try {
      kept = bodies.keptAnswer(req, id);
    } catch {
      // a failing read is Express's to answer (as a problem), not this listener's to throw
      return false;
    }
    if (!kept) return false;
    const answer = kept;
    const step = (i: number): void => {
      if (i === before.length) return sendKept(res, answer);
      // these middlewares never pass an error; if one did, the answer cannot be trusted
      before[i](req, res, (error) => (error === undefined ? step(i + 1) : res.destroy()));
    };
    step(0);
    return true;
  };
}

/** The 200 that answeredUnchanged + sendBytes give, with Node's response alone. */
function sendKept(res: ServerResponse, { revision, bytes, encoding }: KeptAnswer): void {
  setViewHeaders(res, revision);
  sendBytes(res, bytes, encoding);
}

/** The incident id of a bodiless, anonymous GET/HEAD of /incidents/:id with no query. */
function plainViewRead(req: IncomingMessage & { originalUrl?: string }): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const { headers } = req;
  if (headers.authorization !== undefined || headers['transfer-encoding'] !== undefined)
    return undefined;
  if (headers['content-length'] !== undefined && headers['content-length'] !== '0')
    return undefined;
  const url = req.originalUrl ?? req.url ?? '';
  if (url.includes('?')) return undefined;
  const match = VIEW_PATH.exec(url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
