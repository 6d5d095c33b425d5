import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { toInteger } from '../../../common/dto/query-transforms.js';

/** GET /incidents/:id/diff — both revisions required, from ≤ to (checked by the controller). */
export class DiffQuery {
  @ApiProperty({ minimum: 0, description: 'the earlier revision' })
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  from: number;

  @ApiProperty({ minimum: 0, description: 'the later revision (at most the head)' })
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  to: number;
}
