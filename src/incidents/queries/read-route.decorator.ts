import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

/** What every read route documents: its behaviour and the errors reads share. */
export function ReadRoute(
  summary: string,
  description: string,
  notFound?: string,
): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary, description }),
    // anonymous, or a bearer token (needed when STORYLINE_PUBLIC_READ=false)
    ApiSecurity({}),
    ApiBearerAuth(),
    ApiBadRequestResponse({
      description: 'a query parameter is unknown or invalid (problem+json with errors[])',
    }),
    ApiUnauthorizedResponse({ description: 'no or bad token while STORYLINE_PUBLIC_READ=false' }),
    ...(notFound ? [ApiNotFoundResponse({ description: notFound })] : []),
  );
}
