import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageLimit, PageCursor } from '../common/dto/paging.decorators.js';

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

  @PageLimit(100, 20)
  limit: number = 20;

  @PageCursor(1000, 'nextCursor of the previous page (it carries `q`)')
  cursor?: string;
}
