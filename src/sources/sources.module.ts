import { Module } from '@nestjs/common';
import { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { SourceQueries } from './source-queries.js';
import { SourcesController } from './sources.controller.js';

/** Sources' track records: GET /sources and a source's claims. */
@Module({
  controllers: [SourcesController],
  providers: [
    {
      provide: SourceQueries,
      inject: [ReadModelQueries],
      useFactory: (queries: ReadModelQueries) => new SourceQueries(queries),
    },
  ],
})
export class SourcesModule {}
