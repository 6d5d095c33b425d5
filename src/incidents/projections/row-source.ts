import type Database from 'better-sqlite3';
import type { GenerationTables } from './read-model-schema.js';

/**
 * Where time travel reads its rows: the read model's connection (ReadModelQueries), or a read
 * snapshot of its own that an answer streamed over several event-loop turns holds
 * (queries/view-snapshot.ts), so every row of one answer comes from one moment.
 */
export interface RowSource {
  readonly tables: GenerationTables;
  prepare<Row>(sql: string): Database.Statement<unknown[], Row>;
  /** Runs `reads` in one read transaction (a snapshot already is one). */
  read<T>(reads: () => T): T;
  /** The incident's revision in the read model, undefined when it has none. */
  revision(incidentId: string): number | undefined;
}
