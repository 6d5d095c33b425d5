import type { Response } from 'express';
import { currentRequestId } from '../logging/request-context.js';
import type { Problem } from './problem.js';

/** Writes a problem as application/problem+json, with the request id for support. */
export function sendProblem(res: Response, body: Problem): void {
  const requestId = currentRequestId();
  res
    .status(body.status)
    .type('application/problem+json')
    .send(JSON.stringify(requestId ? { ...body, requestId } : body));
}
