import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CLAIM_KINDS, CLAIM_STATES, FILTER_FLAGS } from '../../../search/claim-filter.js';
import { TOPICS } from '../../domain/events.js';
import { toInteger } from '../../../common/dto/query-transforms.js';

/** GET /incidents/:id/claims */
export class ClaimsQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATES, description: 'only claims in this (dominant) state' })
  @IsOptional()
  @IsIn(CLAIM_STATES)
  state?: string;

  @ApiPropertyOptional({ enum: FILTER_FLAGS, description: 'only claims that have this flag' })
  @IsOptional()
  @IsIn(FILTER_FLAGS)
  flag?: string;

  @ApiPropertyOptional({ enum: TOPICS, description: 'only statements about this topic' })
  @IsOptional()
  @IsIn(TOPICS)
  topic?: string;

  @ApiPropertyOptional({ enum: CLAIM_KINDS })
  @IsOptional()
  @IsIn(CLAIM_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    description:
      'only claims whose current attribution chain names this source, as speaker or relay (whole name, case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;

  @ApiPropertyOptional({
    description: 'full-text: every word in the claim’s text or sources (the last one as a prefix)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (it carries the filters)' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;
}
