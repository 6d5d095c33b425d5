import { problem, type Problem } from './problem.js';

/** What body-parser puts on the errors it raises (`type` names the failure). */
export interface BodyParserError {
  type: string;
  status: number;
}

export function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

/** The problem a body-parser failure answers with; never the parser's own message. */
export function bodyParserProblem(error: BodyParserError): Problem {
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
