import { Inject, Logger, UseFilters } from '@nestjs/common';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { TokenRegistry } from '../auth/token-registry.js';
import { AppConfig } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import type { SubscribeAck } from './client/feed-types.js';
import { FeedAdmission } from './feed-admission.js';
import { feedAuthMiddleware } from './feed-auth.js';
import { FeedByteBudget } from './feed-byte-budget.js';
import { FeedConnection, type SubscribeRequest } from './feed-connection.js';
import { FeedExceptionFilter } from './feed-exception.filter.js';
import { FeedHub } from './feed-hub.js';
import { FEED_LIMITS, FEED_SERVER_OPTIONS } from './feed-limits.js';
import type { FeedNamespace, FeedSocket } from './feed-socket.js';
import { createFeedValidationPipe, PlainObjectPipe } from './feed-validation.js';
import { SocketFanOut } from './socket-fan-out.js';
import { SocketOutlet } from './socket-outlet.js';
import { SubscribeDto, UnsubscribeDto } from './subscribe.dto.js';

const validSubscribe = [new PlainObjectPipe(), createFeedValidationPipe(SubscribeDto)];
const validUnsubscribe = [new PlainObjectPipe(), createFeedValidationPipe(UnsubscribeDto)];

type Reply<T> = ((answer: T) => void) | undefined;

/** The live feed on /feed: translates socket messages; the hub and subscriptions do the work. */
@WebSocketGateway({ namespace: '/feed', ...FEED_SERVER_OPTIONS })
@UseFilters(new FeedExceptionFilter())
export class FeedGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly connections = new Map<string, FeedConnection>();
  private readonly logger = new Logger('feed');
  private readonly admission: FeedAdmission;
  private readonly budget: FeedByteBudget;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hub: FeedHub,
    private readonly tokens: TokenRegistry,
    private readonly config: AppConfig,
  ) {
    this.admission = new FeedAdmission(config.limits);
    this.budget = new FeedByteBudget(config.limits.feedQueuedBytes);
  }

  afterInit(namespace: FeedNamespace): void {
    this.admission.attach(namespace.server.engine);
    namespace.use(feedAuthMiddleware(this.tokens, this.config.publicRead));
    this.hub.useFanOut(new SocketFanOut(namespace));
  }

  handleConnection(socket: FeedSocket): void {
    this.connectionOf(socket);
  }

  handleDisconnect(socket: FeedSocket): void {
    this.connections.get(socket.id)?.close();
    this.connections.delete(socket.id);
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() socket: FeedSocket,
    @MessageBody(...validSubscribe) request: SubscribeRequest,
    @Ack() ack: Reply<SubscribeAck>,
  ): Promise<void> {
    // a message handled after its socket left must not open a subscription no one will close
    if (!socket.connected) return;
    await this.connectionOf(socket).subscribe(request, (head) => ack?.({ ok: true, head }));
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: FeedSocket,
    @MessageBody(...validUnsubscribe) request: SubscribeRequest,
    @Ack() ack: Reply<{ ok: true }>,
  ): Promise<void> {
    await this.connectionOf(socket).unsubscribe(request.incidentId);
    ack?.({ ok: true });
  }

  private connectionOf(socket: FeedSocket): FeedConnection {
    let connection = this.connections.get(socket.id);
    if (!connection) {
      connection = new FeedConnection({
        store: this.store,
        hub: this.hub,
        outlet: new SocketOutlet(socket, this.budget),
        limits: FEED_LIMITS,
        logger: this.logger,
      });
      this.connections.set(socket.id, connection);
    }
    return connection;
  }
}
