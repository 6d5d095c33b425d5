import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { RequireRole } from '../../auth/roles.decorator.js';
import { NoQuery } from '../../common/http/no-query.guard.js';
import type { Role } from '../../config/app-config.js';
import { WriteResultDto } from './dto/write-result.dto.js';

/** What every write route shares: its role, 201, the two optional headers, every error. */
export function WriteRoute(role: Role, summary: string): MethodDecorator {
  return applyDecorators(
    RequireRole(role),
    NoQuery(),
    HttpCode(201),
    ApiBearerAuth(),
    ApiOperation({ summary, description: `Needs the ${role} role (or higher).` }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'append only if the incident is at this revision, e.g. "3"; else 412',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1–200 characters, per principal: a retry with the same key and body appends nothing and returns the first response; another body with the same key is 422',
    }),
    ApiCreatedResponse({ type: WriteResultDto }),
    ApiBadRequestResponse({
      description: 'validation failed or malformed JSON (problem+json with errors[])',
    }),
    ApiUnauthorizedResponse({ description: 'no or bad bearer token' }),
    ApiForbiddenResponse({ description: `the token's role is below ${role}` }),
    ApiNotFoundResponse({ description: 'unknown incident or claim' }),
    ApiConflictResponse({ description: 'a domain rule refuses the command' }),
    ApiPreconditionFailedResponse({
      description: 'If-Match is not the current revision; body has currentRevision',
    }),
    ApiPayloadTooLargeResponse({ description: 'body larger than STORYLINE_MAX_BODY' }),
    ApiUnsupportedMediaTypeResponse({ description: 'body is not application/json' }),
    ApiUnprocessableEntityResponse({ description: 'Idempotency-Key reused with another body' }),
    ApiTooManyRequestsResponse({
      description: 'more writes with this token than STORYLINE_WRITE_RATE allows; see Retry-After',
    }),
    ApiServiceUnavailableResponse({ description: 'the event store is unreachable' }),
  );
}
