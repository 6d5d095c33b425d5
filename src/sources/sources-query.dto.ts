import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ATTRIBUTION_KINDS } from '../incidents/domain/events.js';
import { toInteger } from '../common/dto/query-transforms.js';

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

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (it carries q and kind)' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;
}

/** GET /sources/:kind/:name/claims */
export class SourceClaimsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;
}
