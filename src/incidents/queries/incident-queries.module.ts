import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { SearchModule } from '../../search/search.module.js';
import { ClaimsController } from './claims.controller.js';
import { CurrentViewBodies } from './current-view-body.js';
import { TimeTravelBodies } from './time-travel-body.js';
import { DiffController } from './diff.controller.js';
import { IncidentEvents } from './incident-events.service.js';
import { IncidentsQueryController } from './incidents-query.controller.js';
import { KeptViewMiddleware } from './kept-view.middleware.js';
import { TimelineController } from './timeline.controller.js';
import { ViewReader } from './view-reader.service.js';

/** Every GET route about incidents (the read model comes from the global ProjectionsModule). */
@Module({
  imports: [SearchModule],
  controllers: [IncidentsQueryController, TimelineController, ClaimsController, DiffController],
  providers: [IncidentEvents, ViewReader, CurrentViewBodies, TimeTravelBodies],
})
export class IncidentQueriesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(KeptViewMiddleware)
      .forRoutes({ path: 'incidents/:id', method: RequestMethod.GET });
  }
}
