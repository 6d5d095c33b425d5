import { afterAll, beforeAll, describe } from '@jest/globals';
import type { EventStore } from '../../src/event-store/event-store.js';
import { describeAppends } from './conformance-append.js';
import type { ConformanceContext, EventStoreFactory } from './conformance-kit.js';
import { describeLifecycle } from './conformance-lifecycle.js';
import { describeReadAll } from './conformance-read-all.js';
import { describeSubscriptions } from './conformance-subscribe.js';

export type { EventStoreFactory } from './conformance-kit.js';

/**
 * The EventStore contract, run unchanged against every adapter. Each test uses its own
 * `incident-<uuid>` streams and looks only at them, so it also runs on a shared server whose log
 * is neither empty nor quiet.
 */
export function describeEventStoreConformance(name: string, factory: EventStoreFactory): void {
  describe(`EventStore conformance: ${name}`, () => {
    let store: EventStore | undefined;
    const ctx: ConformanceContext = {
      factory,
      store: () => {
        if (!store) throw new Error('the store did not open');
        return store;
      },
    };

    beforeAll(async () => {
      store = await factory.open();
    });

    afterAll(async () => {
      await store?.close();
      await factory.cleanup?.();
    });

    describeAppends(ctx);
    describeReadAll(ctx);
    describeSubscriptions(ctx);
    describeLifecycle(ctx);
  });
}
