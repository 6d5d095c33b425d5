import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CLAIM_KINDS, CLAIM_STATES, FILTER_FLAGS } from '../../../search/claim-filter.js';
import { TOPICS } from '../../domain/events.js';
import { PageLimit, PageCursor } from '../../../common/dto/paging.decorators.js';

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

  @PageLimit(500, 100)
  limit: number = 100;

  @PageCursor(1000, 'nextCursor of the previous page (it carries the filters)')
  cursor?: string;
}
