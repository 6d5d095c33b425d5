import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { TimelineBy, TimelineOrder } from '../../projections/read-model-queries.js';
import { toInteger } from './query-transforms.js';

/** GET /incidents/:id/timeline */
export class TimelineQuery {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'only entries with a revision above this one (whatever the order)',
  })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: TimelineOrder = 'asc';

  @ApiPropertyOptional({
    enum: ['recorded', 'reported'],
    default: 'recorded',
    description:
      'recorded: in stream (revision) order; reported: by the report time (reportedAt, or recordedAt for events without one), then revision',
  })
  @IsOptional()
  @IsIn(['recorded', 'reported'])
  by: TimelineBy = 'recorded';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (same order and by)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}
