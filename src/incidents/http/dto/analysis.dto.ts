import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MEASURES, type Measure } from '../../domain/events.js';
import { ID_PATTERN, LIMITS, ReasonField } from './common.dto.js';
import { WorldTimeField } from './world-time.field.js';

export class SupportClaimDto {
  @ApiProperty({
    pattern: ID_PATTERN.source,
    description:
      'another live claim of this incident that corroborates this one (itself: 400; either retracted: 409; unknown: 404)',
  })
  @IsString()
  @Matches(ID_PATTERN, { message: 'supportedByClaimId must match ^[a-z0-9][a-z0-9-]{2,63}$' })
  supportedByClaimId: string;

  @ReasonField(true)
  note?: string;

  @WorldTimeField()
  reportedAt?: string;
}

/** Most claims an assessment may rest on. */
const MAX_BASIS = 100;

export class AssessCasualtiesDto {
  @ApiProperty({ enum: MEASURES })
  @IsIn(MEASURES)
  measure: Measure;

  @ApiProperty({
    example: 'civilians',
    maxLength: LIMITS.name,
    description:
      'matched case-insensitively, trimmed, against the groups of the casualty figures; some live figure must report it (else 409 no-casualty-figures)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  group: string;

  @ApiProperty({ minimum: 0, maximum: LIMITS.count, example: 2 })
  @IsInt()
  @Min(0)
  @Max(LIMITS.count)
  low: number;

  @ApiProperty({ minimum: 0, maximum: LIMITS.count, example: 3, description: 'low ≤ best' })
  @IsInt()
  @Min(0)
  @Max(LIMITS.count)
  best: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: LIMITS.count,
    description: 'best ≤ high, or null for no upper bound',
  })
  @ValidateIf((body: AssessCasualtiesDto) => body.high !== null)
  @IsInt()
  @Min(0)
  @Max(LIMITS.count)
  high: number | null;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_BASIS,
    description:
      'the claims of this incident the estimate rests on: an unknown claim is 404 (claim-not-found), a retracted one 409 (claim-retracted)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BASIS)
  @IsString({ each: true })
  @Matches(ID_PATTERN, {
    each: true,
    message: 'each basis claimId must match ^[a-z0-9][a-z0-9-]{2,63}$',
  })
  basis: string[];

  @ReasonField(false)
  reason: string;

  @WorldTimeField()
  reportedAt?: string;
}
