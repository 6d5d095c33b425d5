import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { IncidentFolds } from '../application/incident-folds.js';
import { ReadModelProgress } from '../application/read-model-progress.js';
import { ProjectionRebuild } from './projection-rebuild.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionWriter } from './projection-writer.js';
import { ReadModelDatabase } from './read-model-database.js';
import { ReadModelQueries } from './read-model-queries.js';

/**
 * The read model and the runner that feeds it. Global so the write path can wait on
 * `ReadModelProgress` (read-your-writes) without importing this module.
 */
@Global()
@Module({
  providers: [
    // one fold per incident for the write path and the projection writer
    { provide: IncidentFolds, useFactory: () => new IncidentFolds() },
    {
      provide: ReadModelDatabase,
      inject: [AppConfig, EVENT_STORE],
      useFactory: (config: AppConfig, store: EventStore) => {
        // the embedded store's own file: one connection, so appends and rows commit together
        if (store instanceof SqliteEventStore && store.file() === config.readModelFile)
          return ReadModelDatabase.shared(store.connection(), () => store.committedOnConnection());
        return ReadModelDatabase.open(config.readModelFile);
      },
    },
    {
      provide: ProjectionWriter,
      inject: [ReadModelDatabase, IncidentFolds],
      useFactory: (readModel: ReadModelDatabase, folds: IncidentFolds) =>
        new ProjectionWriter(readModel, folds),
    },
    {
      provide: ReadModelQueries,
      inject: [ReadModelDatabase],
      useFactory: (readModel: ReadModelDatabase) => new ReadModelQueries(readModel),
    },
    ProjectionRunner,
    { provide: ReadModelProgress, useExisting: ProjectionRunner },
    ProjectionRebuild,
  ],
  exports: [
    IncidentFolds,
    ReadModelQueries,
    ProjectionRunner,
    ReadModelProgress,
    ProjectionRebuild,
  ],
})
export class ProjectionsModule implements OnApplicationShutdown {
  constructor(private readonly readModel: ReadModelDatabase) {}

  /** After the runner and any rebuild have stopped (they stop in onModuleDestroy). */
  onApplicationShutdown(): void {
    this.readModel.close();
  }
}
