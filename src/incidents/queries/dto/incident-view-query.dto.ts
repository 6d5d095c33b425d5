import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsIsoTimeWithZone } from '../../../common/dto/iso-time.validator.js';
import { toInteger } from '../../../common/dto/query-transforms.js';

/** GET /incidents/:id — asOf and/or reportedBy, or revision alone (checked by the controller). */
export class IncidentViewQuery {
  @ApiPropertyOptional({
    description:
      'system time: the view as storyline knew it at this time (events recorded at or before it); with reportedBy, the bitemporal view',
    example: '2017-05-18T20:00:00Z',
  })
  @IsOptional()
  @IsIsoTimeWithZone()
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'world time: the story as reported by this time — events whose world time is at or before it (even if recorded later), corrections and undated disputes with their claims; the view carries basis',
    example: '2017-05-18T17:00:00Z',
  })
  @IsOptional()
  @IsIsoTimeWithZone()
  reportedBy?: string;

  @ApiPropertyOptional({
    description: 'the view after the event with this revision (not with asOf or reportedBy)',
    minimum: 0,
  })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  revision?: number;
}
