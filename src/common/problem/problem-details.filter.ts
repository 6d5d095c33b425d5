import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { StoreUnavailable } from '../../event-store/event-store.js';
import { problem, ProblemError, type Problem } from './problem.js';
import { sendProblem } from './send-problem.js';

/** Turns an error of some layer into a problem, or leaves it to the next mapper. */
export type ProblemMapper = (error: unknown) => Problem | undefined;

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

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

function fromBodyParser(error: BodyParserError): Problem {
  if (error.type === 'entity.too.large') {
    return problem(413, 'body-too-large', 'the request body is larger than the limit');
  }
  if (error.type === 'entity.parse.failed') {
    return problem(400, 'malformed-json', 'the request body is not valid JSON');
  }
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return problem(415, 'unsupported-media-type', 'unsupported body encoding');
  }
  return problem(400, 'bad-body', 'the request body could not be read');
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
    if (body.status >= 500) {
      this.logger.error(
        { msg: 'request failed', status: body.status, error: String(error) },
        error instanceof Error ? error.stack : undefined,
      );
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
    if (error instanceof StoreUnavailable) {
      return problem(503, 'store-unavailable', 'the event store is unreachable; retry later');
    }
    // Nest wraps body-parser errors in an HttpException carrying the parser's own message
    if (error instanceof HttpException && isBodyParserError(error.cause)) {
      return fromBodyParser(error.cause);
    }
    if (error instanceof HttpException) return fromHttpException(error);
    if (isBodyParserError(error)) return fromBodyParser(error);
    return problem(500, 'internal', 'an unexpected error occurred; it has been logged');
  }
}
