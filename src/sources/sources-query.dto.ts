import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ATTRIBUTION_KINDS } from '../incidents/domain/events.js';
import { PageLimit, PageCursor } from '../common/dto/paging.decorators.js';

/** GET /sources */
export class SourcesQuery {
  @ApiPropertyOptional({ description: 'a part of the name (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: ATTRIBUTION_KINDS })
  @IsOptional()
  @IsIn(ATTRIBUTION_KINDS)
  kind?: string;

  @PageLimit(100, 50)
  limit: number = 50;

  @PageCursor(1000, 'nextCursor of the previous page (it carries q and kind)')
  cursor?: string;
}

/** GET /sources/:kind/:name/claims */
export class SourceClaimsQuery {
  @PageLimit(500, 100)
  limit: number = 100;

  @PageCursor(1000)
  cursor?: string;
}
