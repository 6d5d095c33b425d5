import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { STATUSES, type IncidentStatus } from '../../domain/events.js';
import {
  ID_PATTERN,
  LIMITS,
  LocationDto,
  OccurredAtDto,
  ReasonField,
  TagList,
} from './common.dto.js';
import { Optional } from './optional.js';
import { WorldTimeField } from './world-time.field.js';

export class OpenIncidentDto {
  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    example: 'at-tanf-2017-05-18',
    description: 'generated when absent',
  })
  @Optional()
  @IsString()
  @Matches(ID_PATTERN, { message: 'incidentId must match ^[a-z0-9][a-z0-9-]{2,63}$' })
  incidentId?: string;

  @ApiProperty({ maxLength: LIMITS.title })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.title)
  title: string;

  @ApiPropertyOptional({ maxLength: LIMITS.summary })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.summary)
  summary?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @Optional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ type: OccurredAtDto })
  @Optional()
  @ValidateNested()
  @Type(() => OccurredAtDto)
  occurredAt?: OccurredAtDto;

  @ApiPropertyOptional({ type: [String], example: ['syria', 'airstrike'] })
  @Optional()
  @TagList()
  tags?: string[];
}

/** PATCH: absent fields stay as they are; `null` clears summary, location or occurredAt. */
export class ReviseIncidentDto {
  @ApiPropertyOptional({ maxLength: LIMITS.title })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.title)
  title?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.summary, nullable: true })
  @ValidateIf((dto: ReviseIncidentDto) => dto.summary !== undefined && dto.summary !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.summary)
  summary?: string | null;

  @ApiPropertyOptional({ type: LocationDto, nullable: true })
  @ValidateIf((dto: ReviseIncidentDto) => dto.location !== undefined && dto.location !== null)
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto | null;

  @ApiPropertyOptional({ type: OccurredAtDto, nullable: true })
  @ValidateIf((dto: ReviseIncidentDto) => dto.occurredAt !== undefined && dto.occurredAt !== null)
  @ValidateNested()
  @Type(() => OccurredAtDto)
  occurredAt?: OccurredAtDto | null;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @TagList()
  tags?: string[];

  @ReasonField(true)
  reason?: string;

  @WorldTimeField()
  reportedAt?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: STATUSES })
  @IsIn(STATUSES)
  status: IncidentStatus;

  @ReasonField(true)
  reason?: string;

  @WorldTimeField()
  reportedAt?: string;
}
