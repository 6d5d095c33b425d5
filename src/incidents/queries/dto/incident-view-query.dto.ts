import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsIsoTimeWithZone } from '../../http/dto/iso-time.validator.js';
import { toInteger } from './query-transforms.js';

/** GET /incidents/:id — at most one of the three (checked by the controller). */
export class IncidentViewQuery {
  @ApiPropertyOptional({
    description: 'the view as storyline knew it at this time: events recorded at or before it',
    example: '2017-05-18T20:00:00Z',
  })
  @IsOptional()
  @IsIsoTimeWithZone()
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'the story as reported by this time: reports published at or before it (even if recorded later), editorial events recorded by then',
    example: '2017-05-18T17:00:00Z',
  })
  @IsOptional()
  @IsIsoTimeWithZone()
  reportedBy?: string;

  @ApiPropertyOptional({ description: 'the view after the event with this revision', minimum: 0 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  revision?: number;
}
