import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { FeedModule } from './feed/feed.module.js';
import { HealthController } from './health/health.controller.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { ProjectionsModule } from './incidents/projections/projections.module.js';
import { IncidentQueriesModule } from './incidents/queries/incident-queries.module.js';
import { EventsModule } from './event-log/events.module.js';
import { AdminModule } from './admin/admin.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { ExportsModule } from './exports/exports.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        EventStoreModule,
        AuthModule,
        ProjectionsModule,
        IncidentsModule,
        IncidentQueriesModule,
        EventsModule,
        SourcesModule,
        ExportsModule,
        AdminModule,
        FeedModule,
        DashboardModule,
      ],
      controllers: [HealthController],
    };
  }
}
