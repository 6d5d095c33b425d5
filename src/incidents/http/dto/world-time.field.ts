import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoTimeWithZone } from '../../../common/dto/iso-time.validator.js';
import { Optional } from './optional.js';

/** The optional world time of a dispute or an editorial event, validated as on a statement. */
export function WorldTimeField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description:
        'world time: when it happened or was published (ISO 8601 with a zone, at most 5 minutes ahead); absent, a dispute takes effect when both claims are reported, an editorial change at its recordedAt',
      example: '2017-05-18T18:45:00Z',
    }),
    Optional(),
    IsIsoTimeWithZone(),
  );
}
