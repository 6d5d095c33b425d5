import { InvalidStoreArgument, type NewEvent } from '../event-store.js';

/** Whether JSON.stringify turns `value` into text (not undefined, no throw on BigInt or a cycle). */
function isJson(value: unknown): boolean {
  try {
    return (JSON.stringify(value) as string | undefined) !== undefined;
  } catch {
    return false;
  }
}

/** Refuses, before any round trip, an append the port never allows. */
export function validateAppend(streamId: string, events: readonly NewEvent[]): void {
  if (streamId.length === 0 || streamId.startsWith('$')) {
    throw new InvalidStoreArgument('streamId must be a non-empty string not starting with $');
  }
  if (events.length === 0) throw new InvalidStoreArgument('append needs at least one event');
  if (new Set(events.map((event) => event.eventId)).size !== events.length) {
    throw new InvalidStoreArgument('the event ids of one append must be distinct');
  }
  for (const event of events) {
    if (event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidStoreArgument('type must be a non-empty string not starting with $');
    }
    // the client serialises inside an async Promise executor: a throw there would be an
    // unhandled rejection (a crash) and an append that never settles
    if (!isJson(event.data) || !isJson(event.metadata)) {
      throw new InvalidStoreArgument('data and metadata must be JSON-serialisable');
    }
  }
}
