import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { DECORATORS } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, validateSync } from 'class-validator';
import { ClaimsQuery } from '../../incidents/queries/dto/claims-query.dto.js';
import { IncidentListQuery } from '../../incidents/queries/dto/incident-list-query.dto.js';
import { TimelineQuery } from '../../incidents/queries/dto/timeline-query.dto.js';
import { EventsQuery } from '../../event-log/events-query.dto.js';
import { SearchQuery } from '../../search/search-query.dto.js';
import { SourceClaimsQuery, SourcesQuery } from '../../sources/sources-query.dto.js';
import { PageCursor, PageLimit } from './paging.decorators.js';
import { toInteger } from './query-transforms.js';

class Paged {
  @PageLimit(100, 20)
  limit: number = 20;

  @PageCursor(10)
  cursor?: string;
}

/** The decorators the query DTOs stacked by hand before PageLimit and PageCursor. */
class StackedByHand {
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @IsOptional()
  @IsString()
  @Length(1, 10)
  cursor?: string;
}

const problems = (type: new () => object, query: Record<string, unknown>) =>
  validateSync(plainToInstance(type, query)).map((e) => [
    e.property,
    Object.values(e.constraints ?? {}),
  ]);

describe('PageLimit and PageCursor', () => {
  test.each([
    [{}],
    [{ limit: '1' }],
    [{ limit: '100', cursor: 'abcdefghij' }],
    [{ limit: '0' }],
    [{ limit: '101' }],
    [{ limit: '1.5' }],
    [{ limit: 'ten' }],
    [{ limit: '' }],
    [{ cursor: '' }],
    [{ cursor: 'abcdefghijk' }],
    [{ cursor: ['a', 'b'] }],
  ])(
    '%j is judged, with the same messages in the same order, as by the hand-stacked ones',
    (query) => {
      expect(problems(Paged, query)).toEqual(problems(StackedByHand, query));
    },
  );

  test('a page of the limit’s size passes; one past it and zero do not', () => {
    expect(problems(Paged, { limit: '100' })).toEqual([]);
    expect(problems(Paged, { limit: '101' }).map(([field]) => field)).toEqual(['limit']);
    expect(problems(Paged, { limit: '0' }).map(([field]) => field)).toEqual(['limit']);
    expect(plainToInstance(Paged, {}).limit).toBe(20);
  });

  test.each([
    [IncidentListQuery, 100],
    [TimelineQuery, 1000],
    [ClaimsQuery, 500],
    [EventsQuery, 1000],
    [SearchQuery, 100],
    [SourcesQuery, 100],
    [SourceClaimsQuery, 500],
  ])('%p documents the default its initializer sets, and its maximum', (type, maximum) => {
    const documented = Reflect.getMetadata(
      DECORATORS.API_MODEL_PROPERTIES,
      type.prototype,
      'limit',
    ) as { default: unknown; maximum: unknown; type: unknown };
    expect(documented).toMatchObject({ default: new type().limit, maximum, type: 'integer' });
  });
});
