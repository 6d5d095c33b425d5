import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { failureLogLevel } from '../logging/failure-log-level.js';
import { problem, ProblemError, type Problem } from './problem.js';
import { sendProblem } from './send-problem.js';
import { bodyParserProblem, isBodyParserError } from './body-parser-problem.js';

/** Turns an error of some layer into a problem, or leaves it to the next one (see app-factory). */
export type ProblemMapper = (error: unknown) => Problem | undefined;

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const response = error.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? response.message
      : response;
  const detail = Array.isArray(message) ? message.join('; ') : String(message);
  return problem(status, status === 404 ? 'not-found' : 'http', detail);
}

/** The one HTTP error filter: every error leaves as problem+json, never with internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly mappers: readonly ProblemMapper[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(error);
    const level = failureLogLevel(body.status);
    if (level === 'error') {
      this.logger.error(
        { msg: 'request failed', status: body.status, error: String(error) },
        error instanceof Error ? error.stack : undefined,
      );
    } else if (level === 'warn') {
      this.logger.warn({
        msg: 'request refused',
        status: body.status,
        type: body.type,
        detail: body.detail,
      });
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(res, body);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof ProblemError) return error.problem;
    for (const map of this.mappers) {
      const mapped = map(error);
      if (mapped) return mapped;
    }
    // our JSON body step answers parse errors itself (src/common/http/json-body.ts); these cover
    // a parser error reaching Nest by another way, wrapped (Nest >= 12.2 keeps it as the cause) or not
    if (error instanceof HttpException && isBodyParserError(error.cause)) {
      return bodyParserProblem(error.cause);
    }
    if (error instanceof HttpException) return fromHttpException(error);
    if (isBodyParserError(error)) return bodyParserProblem(error);
    return problem(500, 'internal', 'an unexpected error occurred; it has been logged');
  }
}
