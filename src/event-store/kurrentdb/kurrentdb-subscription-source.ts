import type { AllStreamSubscription, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { StoredEvent } from '../event-store.js';
import { inScope, serverFilter, type StreamScope } from './kurrentdb-filter.js';
import { readPositionAfter, toStoredEvent } from './kurrentdb-mapping.js';
import type { SourceStream } from './resubscribing-subscription.js';

/** How many events a connection may hold before the consumer pulls (then gRPC flow control). */
const BUFFERED_EVENTS = 64;

async function* matching(
  subscription: AllStreamSubscription,
  scope: StreamScope,
): AsyncGenerator<StoredEvent> {
  // for await pulls one event at a time, so a slow consumer slows the stream down
  for await (const resolved of subscription) {
    const event = toStoredEvent(resolved);
    if (event && inScope(event, scope)) yield event;
  }
}

/** One catch-up subscription to $all after `after`, filtered on the server, read from the leader. */
export function openAllSubscription(
  client: KurrentDBClient,
  scope: StreamScope,
  after: string,
): SourceStream {
  const subscription = client.subscribeToAll(
    { fromPosition: readPositionAfter(after), filter: serverFilter(scope), requiresLeader: true },
    { highWaterMark: BUFFERED_EVENTS },
  );
  // errors reach the consumer through the iterator; this keeps a late one from crashing the process
  subscription.on('error', () => undefined);
  return {
    events: matching(subscription, scope),
    cancel: async () => {
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    },
  };
}
