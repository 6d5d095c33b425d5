import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { toInteger } from '../common/dto/query-transforms.js';

/** GET /search */
export class SearchQuery {
  @ApiPropertyOptional({
    description:
      'the words to find in claims (every word; the last one as a prefix); required unless `cursor` is sent',
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

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (it carries `q`)' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  cursor?: string;
}
