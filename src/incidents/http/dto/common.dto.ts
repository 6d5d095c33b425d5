import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  type ValidationArguments,
} from 'class-validator';
import {
  ATTRIBUTION_KINDS,
  MEASURES,
  PRECISIONS,
  type AttributionKind,
  type Measure,
  type Precision,
} from '../../domain/events.js';
import { IsIsoTimeWithZone } from '../../../common/dto/iso-time.validator.js';
import { Optional } from './optional.js';

export const LIMITS = {
  title: 300,
  summary: 4000,
  text: 5000,
  reason: 1000,
  name: 200,
  url: 2048,
  attribution: 10,
  figures: 30,
  tags: 20,
  tag: 50,
  /** The largest casualty count accepted: far above any real figure, far below 2^53. */
  count: 100_000_000,
} as const;

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class AttributionLinkDto {
  @ApiProperty({ example: 'Reuters', maxLength: LIMITS.name })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  name: string;

  @ApiProperty({ enum: ATTRIBUTION_KINDS })
  @IsIn(ATTRIBUTION_KINDS)
  kind: AttributionKind;

  @ApiPropertyOptional({ description: 'false for an unnamed speaker ("a US official")' })
  @Optional()
  @IsBoolean()
  named?: boolean;

  @ApiPropertyOptional({ example: 'US Central Command spokesman', maxLength: LIMITS.name })
  @Optional()
  @IsString()
  @MaxLength(LIMITS.name)
  role?: string;

  @ApiPropertyOptional({ format: 'uri' })
  @Optional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(LIMITS.url)
  url?: string;

  @ApiPropertyOptional({ format: 'uri' })
  @Optional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(LIMITS.url)
  archiveUrl?: string;
}

@ValidatorConstraint({ name: 'minNotAboveMax' })
class MinNotAboveMax implements ValidatorConstraintInterface {
  validate(max: unknown, args: ValidationArguments): boolean {
    const { min } = args.object as FigureDto;
    return max === null || typeof max !== 'number' || typeof min !== 'number' || min <= max;
  }
  defaultMessage(): string {
    return 'max must be at least min, or null for no upper bound';
  }
}

export class FigureDto {
  @ApiProperty({ enum: MEASURES })
  @IsIn(MEASURES)
  measure: Measure;

  @ApiProperty({ example: 'pro-government militia', maxLength: LIMITS.name })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  group: string;

  @ApiProperty({ minimum: 0, maximum: LIMITS.count, example: 6 })
  @IsInt()
  @Min(0)
  @Max(LIMITS.count)
  min: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: LIMITS.count,
    description: '≥ min, or null for no upper bound ("at least 3")',
  })
  @ValidateIf((figure: FigureDto) => figure.max !== null)
  @IsInt()
  @Min(0)
  @Max(LIMITS.count)
  @Validate(MinNotAboveMax)
  max: number | null;

  @ApiPropertyOptional({ example: 'at least', maxLength: LIMITS.name })
  @Optional()
  @IsString()
  @MaxLength(LIMITS.name)
  wording?: string;
}

export class LocationDto {
  @ApiProperty({ example: 'near At Tanf, Homs Governorate, Syria', maxLength: LIMITS.name })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  name: string;

  @ApiPropertyOptional({ example: 33.5 })
  @Optional()
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 38.62 })
  @Optional()
  @IsLongitude()
  lon?: number;
}

export class OccurredAtDto {
  @ApiProperty({ example: '2017-05-18T00:00:00Z' })
  @IsIsoTimeWithZone()
  at: string;

  @ApiProperty({ enum: PRECISIONS })
  @IsIn(PRECISIONS)
  precision: Precision;
}

/** Decorators for an attribution chain: non-empty, original speaker first. */
export function AttributionChain(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(LIMITS.attribution),
    ValidateNested({ each: true }),
    Type(() => AttributionLinkDto),
  );
}

/** Decorators for a list of casualty figures: non-empty. */
export function FigureList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(LIMITS.figures),
    ValidateNested({ each: true }),
    Type(() => FigureDto),
  );
}

/** Decorators for tags: short lowercase words. */
export function TagList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(LIMITS.tags),
    IsString({ each: true }),
    Matches(/^[a-z0-9][a-z0-9-]{0,49}$/, {
      each: true,
      message: 'each tag must be lowercase letters, digits and hyphens (at most 50)',
    }),
  );
}

/** An optional or required free-text reason or note. */
export function ReasonField(optional: boolean): PropertyDecorator {
  return applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ maxLength: LIMITS.reason }),
    ...(optional ? [Optional()] : []),
    IsString(),
    IsNotEmpty(),
    MaxLength(LIMITS.reason),
  );
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;
