import { Module } from '@nestjs/common';
import { SearchModule } from '../../search/search.module.js';
import { ClaimsController } from './claims.controller.js';
import { CurrentViewBodies } from './current-view-body.js';
import { TimeTravelBodies } from './time-travel-body.js';
import { DiffController } from './diff.controller.js';
import { IncidentEvents } from './incident-events.service.js';
import { IncidentsQueryController } from './incidents-query.controller.js';
import { TimelineController } from './timeline.controller.js';
import { ViewReader } from './view-reader.service.js';

/** Every GET route about incidents (the read model comes from the global ProjectionsModule). */
@Module({
  imports: [SearchModule],
  controllers: [IncidentsQueryController, TimelineController, ClaimsController, DiffController],
  providers: [IncidentEvents, ViewReader, CurrentViewBodies, TimeTravelBodies],
})
// (the kept-view middleware that answers plain GETs before this module's routes: app-factory.ts)
export class IncidentQueriesModule {}
