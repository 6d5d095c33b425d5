import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsPosition } from '../common/input/position.validator.js';
import { toInteger } from '../common/dto/query-transforms.js';

/** GET /events */
export class EventsQuery {
  @ApiPropertyOptional({
    description: 'a position: only events after it (default 0, from the start)',
    example: '0',
    pattern: '^\\d{1,19}$',
  })
  @IsOptional()
  @IsPosition()
  after: string = '0';

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1000,
    default: 100,
    description: 'page size of the JSON answer (NDJSON streams to the head regardless)',
  })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  @ApiPropertyOptional({
    description:
      'only this incident’s events (an unknown incident: an empty page, `next` = `after`)',
    pattern: '^[a-z0-9][a-z0-9-]{2,63}$',
  })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/)
  incidentId?: string;
}
