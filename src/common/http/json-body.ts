import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import {
  bodyParserProblem,
  isBodyParserError,
  type BodyParserError,
} from '../problem/body-parser-problem.js';
import { sendProblem } from '../problem/send-problem.js';

/**
 * A 4xx error out of the parser. Most carry a `type` (entity.parse.failed, ...); a body that does
 * not inflate (bad gzip) is a bare 400, answered as bad-body rather than reaching Nest as a 500.
 */
function readFailure(error: unknown): BodyParserError | undefined {
  if (isBodyParserError(error)) return error;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500
    ? { type: 'body.unreadable', status }
    : undefined;
}

/**
 * The JSON body parser, registered by us rather than by Nest, and the step right after it that
 * answers its failures (malformed JSON, too large, unsupported encoding or charset) as
 * problem+json. Nest is never handed a body-parser error, so the answer does not depend on how a
 * Nest release wraps one (12.2 added keeping it as the `cause`; 12.0 and 12.1 drop it).
 */
export function jsonBody(maxBody: string | number): [RequestHandler, ErrorRequestHandler] {
  const parse = express.json({ limit: maxBody, type: 'application/json', strict: true });
  const answerParseErrors: ErrorRequestHandler = (
    error: unknown,
    _req: Request,
    res: Response,
    next: NextFunction,
  ) => {
    const failure = readFailure(error);
    if (!failure) {
      next(error);
      return;
    }
    sendProblem(res, bodyParserProblem(failure));
  };
  return [parse, answerParseErrors];
}
