import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WriteResult } from '../../application/write-result.js';

export class WriteResultDto implements WriteResult {
  @ApiProperty({ example: 'at-tanf-2017-05-18' })
  incidentId: string;
  @ApiPropertyOptional({ example: 'c11-al-masdar-casualties' })
  claimId?: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ description: "the event's 0-based number in the incident's stream", example: 10 })
  revision: number;
  @ApiProperty({ description: 'place in the global log, a decimal string', example: '42' })
  position: string;
}
