import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { toInteger } from './query-transforms.js';

/**
 * `?limit=`: an integer 1–`max`, documented with its default. The property's initializer holds
 * the default itself (a decorator cannot set it): `@PageLimit(100, 20) limit: number = 20;`.
 */
export function PageLimit(
  max: number,
  defaultSize: number,
  description = 'the most items in a page',
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      maximum: max,
      default: defaultSize,
      description,
    }),
    IsOptional(),
    Transform(toInteger),
    // registered Max first, as stacked decorators were, so a bad limit's messages keep their order
    Max(max),
    Min(1),
    IsInt(),
  );
}

/** `?cursor=`: the previous page's opaque `nextCursor`, 1–`maxLength` characters. */
export function PageCursor(
  maxLength: number,
  description = 'nextCursor of the previous page',
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minLength: 1, maxLength, description }),
    IsOptional(),
    Length(1, maxLength),
    IsString(),
  );
}
