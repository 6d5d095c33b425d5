import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { type IncidentStatus, STATUSES } from '../../domain/events.js';
import { toInteger } from '../../../common/dto/query-transforms.js';

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

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}
