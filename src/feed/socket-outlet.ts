import type { Socket } from 'socket.io';
import type { FeedByteBudget } from './feed-byte-budget.js';
import type { FeedOutlet } from './feed-outlet.js';
import type { FeedSocket } from './feed-socket.js';

type Connection = Socket['conn'];
type Transport = Connection['transport'];

/**
 * A FeedOutlet over one Socket.IO socket. It counts the packets waiting in the engine's write
 * buffer from its public `packetCreate` and `flush` events, and wakes `drained()` waiters when the
 * transport is writable again (its `ready` event) or the connection closes.
 */
export class SocketOutlet implements FeedOutlet {
  private queued = 0;
  /** Bytes of those packets, counted in the shared budget too. */
  private held = 0;
  private closed = false;
  private waiters: (() => void)[] = [];
  private transport: Transport;

  constructor(
    private readonly socket: FeedSocket,
    private readonly budget?: FeedByteBudget,
  ) {
    const conn = socket.conn;
    budget?.open();
    conn.on('packetCreate', (packet: unknown) => {
      this.queued += 1;
      const bytes = sizeOf(packet);
      this.held += bytes;
      budget?.hold(bytes);
    });
    conn.on('flush', (buffer: readonly unknown[]) => {
      this.queued = Math.max(0, this.queued - buffer.length);
      const bytes = buffer.reduce<number>((sum, packet) => sum + sizeOf(packet), 0);
      this.held = Math.max(0, this.held - bytes);
      budget?.release(bytes);
    });
    conn.on('upgrade', (transport: Transport) => this.watch(transport));
    conn.once('close', () => {
      this.closed = true;
      budget?.close(this.held);
      this.held = 0;
      this.wake();
    });
    this.transport = conn.transport;
    this.transport.on('ready', this.wake);
  }

  /** The socket's id, which is also the Socket.IO room only it is in. */
  get socketId(): string {
    return this.socket.id;
  }

  event(envelope: Parameters<FeedOutlet['event']>[0]): void {
    this.socket.emit('event', envelope);
  }

  reset(reset: Parameters<FeedOutlet['reset']>[0]): void {
    this.socket.emit('reset', reset);
  }

  pending(): number {
    // over its share of the shared byte budget, a connection counts as past any packet limit
    if (this.budget?.overShare(this.held)) return Number.MAX_SAFE_INTEGER;
    return this.queued;
  }

  drained(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private idle(): boolean {
    return this.closed || (this.queued === 0 && this.socket.conn.transport.writable);
  }

  private watch(transport: Transport): void {
    this.transport.off('ready', this.wake);
    this.transport = transport;
    transport.on('ready', this.wake);
    this.wake();
  }

  private readonly wake = (): void => {
    if (!this.idle() || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  };
}

/** The size of an engine.io packet's payload (a string or binary). */
function sizeOf(packet: unknown): number {
  const data = (packet as { data?: unknown } | null)?.data;
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
