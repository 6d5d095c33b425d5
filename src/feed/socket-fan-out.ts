import type { FeedEnvelope } from './client/feed-types.js';
import type { FeedFanOut } from './feed-fan-out.js';
import type { FeedOutlet } from './feed-outlet.js';
import type { FeedNamespace } from './feed-socket.js';
import { SocketOutlet } from './socket-outlet.js';

/**
 * Fan-out over the /feed namespace: one Socket.IO broadcast to the sockets' own rooms, so the
 * envelope is encoded once per event rather than once per socket (this process's sockets only).
 * Each socket's engine still reports the packet (`packetCreate`), so every SocketOutlet keeps its
 * pending count and byte budget exactly as for a per-socket emit.
 */
export class SocketFanOut implements FeedFanOut {
  constructor(private readonly namespace: FeedNamespace) {}

  send(envelope: FeedEnvelope, outlets: ReadonlySet<FeedOutlet>): void {
    const socketIds: string[] = [];
    for (const outlet of outlets) {
      if (outlet instanceof SocketOutlet) socketIds.push(outlet.socketId);
      else outlet.event(envelope);
    }
    if (socketIds.length > 0) this.namespace.local.to(socketIds).emit('event', envelope);
  }
}
