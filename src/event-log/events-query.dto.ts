import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsPosition } from '../common/input/position.validator.js';
import { PageLimit } from '../common/dto/paging.decorators.js';

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

  @PageLimit(1000, 100, 'page size of the JSON answer (NDJSON streams to the head regardless)')
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
