import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { IdempotencyStore } from './application/idempotency-store.js';
import { IncidentCommands } from './application/incident-commands.service.js';
import { DemoLoader } from './demo/demo-loader.js';
import { AnalysisWritesController } from './http/analysis-writes.controller.js';
import { IncidentWritesController } from './http/incident-writes.controller.js';
import { SqliteIdempotencyStore } from './idempotency/sqlite-idempotency-store.js';

@Module({
  controllers: [IncidentWritesController, AnalysisWritesController],
  providers: [
    IncidentCommands,
    DemoLoader,
    { provide: Clock, useClass: SystemClock },
    {
      provide: IdempotencyStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new SqliteIdempotencyStore(config.readModelFile),
    },
  ],
  exports: [IncidentCommands],
})
export class IncidentsModule {}
