import type { EventStore } from './event-store.js';
import type { KurrentDBEventStoreOptions } from './kurrentdb/kurrentdb-event-store.js';
import { parseStoreLocation, type StoreLocation } from './store-location.js';

/**
 * Opens the adapter a store setting names: `sqlite:<file>`, a KurrentDB or a PostgreSQL connection string
 * (a string is parsed first, errors naming STORYLINE_STORE). Each adapter is loaded only when
 * used, so the embedded store never loads the KurrentDB client and its native bridge.
 */
export async function openEventStore(
  store: string | StoreLocation,
  options: KurrentDBEventStoreOptions = {},
): Promise<EventStore> {
  const location = typeof store === 'string' ? parseStoreLocation(store) : store;
  switch (location.kind) {
    case 'sqlite': {
      const { SqliteEventStore } = await import('./sqlite/sqlite-event-store.js');
      return SqliteEventStore.open(location.file);
    }
    case 'kurrentdb': {
      const { KurrentDBEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
      return KurrentDBEventStore.open(location.connectionString, options);
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('./postgres/postgres-event-store.js');
      return PostgresEventStore.open(location.connectionString);
    }
  }
}
