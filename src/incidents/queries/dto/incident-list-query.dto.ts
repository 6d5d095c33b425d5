import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { type IncidentStatus, STATUSES } from '../../domain/events.js';
import { PageLimit, PageCursor } from '../../../common/dto/paging.decorators.js';

/** GET /incidents */
export class IncidentListQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: 'only incidents with this status' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: IncidentStatus;

  @ApiPropertyOptional({ description: 'only incidents with this tag (exact match)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  tag?: string;

  @ApiPropertyOptional({
    description:
      'full-text: every word, the last as a prefix, across title, summary, place, tags, claims and sources',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @PageLimit(100, 20)
  limit: number = 20;

  @PageCursor(500)
  cursor?: string;
}
