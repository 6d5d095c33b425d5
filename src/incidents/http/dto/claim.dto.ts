import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { Optional } from './optional.js';
import { QUOTED, TOPICS, type Quoted, type Topic } from '../../domain/events.js';
import {
  AttributionChain,
  AttributionLinkDto,
  FigureDto,
  FigureList,
  ID_PATTERN,
  LIMITS,
  ReasonField,
} from './common.dto.js';
import { IsIsoTimeWithZone } from '../../../common/dto/iso-time.validator.js';
import { WorldTimeField } from './world-time.field.js';

function ClaimIdField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ pattern: ID_PATTERN.source, description: 'generated when absent' }),
    Optional(),
    IsString(),
    Matches(ID_PATTERN, { message: 'claimId must match ^[a-z0-9][a-z0-9-]{2,63}$' }),
  );
}

function TextField(optional: boolean): PropertyDecorator {
  return applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ maxLength: LIMITS.text }),
    ...(optional ? [Optional()] : []),
    IsString(),
    IsNotEmpty(),
    MaxLength(LIMITS.text),
  );
}

const REPORTED_AT = {
  description: 'when the source published or said it (ISO 8601 with a zone)',
  example: '2017-05-18T19:05:00Z',
};

export class ReportStatementDto {
  @ClaimIdField()
  claimId?: string;

  @TextField(false)
  text: string;

  @ApiPropertyOptional({ enum: QUOTED, default: 'paraphrase' })
  @Optional()
  @IsIn(QUOTED)
  quoted?: Quoted;

  @ApiPropertyOptional({ enum: TOPICS })
  @Optional()
  @IsIn(TOPICS)
  topic?: Topic;

  @ApiProperty({ type: [AttributionLinkDto], description: 'original speaker first, then relays' })
  @AttributionChain()
  attribution: AttributionLinkDto[];

  @ApiProperty(REPORTED_AT)
  @IsIsoTimeWithZone()
  reportedAt: string;

  @ApiPropertyOptional({ format: 'uri' })
  @Optional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(LIMITS.url)
  url?: string;
}

export class ReportCasualtiesDto {
  @ClaimIdField()
  claimId?: string;

  @ApiProperty({ type: [AttributionLinkDto] })
  @AttributionChain()
  attribution: AttributionLinkDto[];

  @ApiProperty(REPORTED_AT)
  @IsIsoTimeWithZone()
  reportedAt: string;

  @ApiProperty({ type: [FigureDto] })
  @FigureList()
  figures: FigureDto[];
}

/** What a revision or a correction may change: a statement's text or a claim's figures. */
class ClaimContentDto {
  @TextField(true)
  text?: string;

  @ApiPropertyOptional({ enum: QUOTED, description: 'statements: whether the text is verbatim' })
  @Optional()
  @IsIn(QUOTED)
  quoted?: Quoted;

  @ApiPropertyOptional({ type: [FigureDto] })
  @Optional()
  @FigureList()
  figures?: FigureDto[];
}

export class ReviseClaimDto extends ClaimContentDto {
  @ApiProperty({ type: [AttributionLinkDto] })
  @AttributionChain()
  attribution: AttributionLinkDto[];

  @ApiProperty(REPORTED_AT)
  @IsIsoTimeWithZone()
  reportedAt: string;

  @ReasonField(true)
  note?: string;
}

export class CorrectClaimDto extends ClaimContentDto {
  @ApiPropertyOptional({ type: [AttributionLinkDto] })
  @Optional()
  @AttributionChain()
  attribution?: AttributionLinkDto[];

  @ReasonField(false)
  reason: string;
}

export class DisputeClaimDto {
  @ApiProperty({ pattern: ID_PATTERN.source, description: 'the claim that contradicts this one' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'disputedByClaimId must match ^[a-z0-9][a-z0-9-]{2,63}$' })
  disputedByClaimId: string;

  @ReasonField(true)
  note?: string;

  @WorldTimeField()
  reportedAt?: string;
}

export class RetractClaimDto {
  @ApiProperty({ type: [AttributionLinkDto] })
  @AttributionChain()
  attribution: AttributionLinkDto[];

  @ApiProperty(REPORTED_AT)
  @IsIsoTimeWithZone()
  reportedAt: string;

  @ReasonField(false)
  reason: string;
}
