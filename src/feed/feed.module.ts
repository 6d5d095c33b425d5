import {
  type BeforeApplicationShutdown,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { FeedHub } from './feed-hub.js';
import { FeedGateway } from './feed.gateway.js';

/** The live feed: one store subscription per process (the hub) and the /feed gateway. */
@Module({
  providers: [
    {
      provide: FeedHub,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new FeedHub(store),
    },
    FeedGateway,
  ],
  exports: [FeedHub],
})
export class FeedModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly hub: FeedHub) {}

  /** Live from the store's head before the server accepts connections. */
  async onApplicationBootstrap(): Promise<void> {
    await this.hub.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.hub.stop();
  }
}
