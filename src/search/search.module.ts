import { Module } from '@nestjs/common';
import { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { SearchController } from './search.controller.js';
import { SearchQueries } from './search-queries.js';

/** Full-text search: GET /search, and the queries GET /incidents?q= uses. */
@Module({
  controllers: [SearchController],
  providers: [
    {
      provide: SearchQueries,
      inject: [ReadModelQueries],
      useFactory: (queries: ReadModelQueries) => new SearchQueries(queries),
    },
  ],
  exports: [SearchQueries],
})
export class SearchModule {}
