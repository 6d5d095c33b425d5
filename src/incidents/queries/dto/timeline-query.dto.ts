import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import type { TimelineBy, TimelineOrder } from '../../projections/read-model-queries.js';
import { toInteger } from '../../../common/dto/query-transforms.js';
import { PageLimit, PageCursor } from '../../../common/dto/paging.decorators.js';

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

  @PageLimit(1000, 100)
  limit: number = 100;

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    default: 'asc',
    description: 'with a cursor: the cursor’s own order when absent',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: TimelineOrder;

  @ApiPropertyOptional({
    enum: ['recorded', 'reported'],
    default: 'recorded',
    description:
      'recorded: in stream (revision) order; reported: by world time (reportedAt; editorial events without one on recordedAt; a correction on its claim’s first reportedAt; an undated dispute on the later of its two claims’ first reportedAt), then revision. With a cursor: the cursor’s own `by` when absent',
  })
  @IsOptional()
  @IsIn(['recorded', 'reported'])
  by?: TimelineBy;

  @PageCursor(
    500,
    'nextCursor of the previous page; it remembers its order and by (another order or by is a 400)',
  )
  cursor?: string;
}
