import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ID_PATTERN } from './common.dto.js';

export class IdParams {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'incident id must match ^[a-z0-9][a-z0-9-]{2,63}$' })
  id: string;
}

export class ClaimParams extends IdParams {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'claim id must match ^[a-z0-9][a-z0-9-]{2,63}$' })
  claimId: string;
}
