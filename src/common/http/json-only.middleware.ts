import type { NextFunction, Request, Response } from 'express';
import { problem } from '../problem/problem.js';
import { sendProblem } from '../problem/send-problem.js';

/** A write that carries a body must say it is JSON (415 otherwise), before anything parses it. */
export function jsonOnlyMiddleware(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
  if (hasBody && !req.is('application/json')) {
    sendProblem(
      res,
      problem(415, 'unsupported-media-type', 'request bodies must be application/json'),
    );
    return;
  }
  next();
}
