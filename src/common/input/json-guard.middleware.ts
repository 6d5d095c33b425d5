import type { NextFunction, Request, Response } from 'express';
import { problem } from '../problem/problem.js';
import { sendProblem } from '../problem/send-problem.js';
import { refuseJson } from './json-guard.js';

/** After the JSON body parser: a body too deep or with a prototype key is a 400, changing nothing. */
export function jsonGuardMiddleware(req: Request, res: Response, next: NextFunction): void {
  const refusal = refuseJson(req.body);
  if (refusal) {
    sendProblem(
      res,
      problem(400, 'validation', `${refusal.field}: ${refusal.message}`, { errors: [refusal] }),
    );
    return;
  }
  next();
}
