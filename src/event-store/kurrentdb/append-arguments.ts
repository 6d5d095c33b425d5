import { InvalidStoreArgument, type NewEvent } from '../event-store.js';

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
  }
}
