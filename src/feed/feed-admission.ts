import type { IncomingMessage } from 'node:http';
import { originAllowed } from '../common/http/security.js';
import type { Limits } from '../config/limits.js';

/** The part of engine.io's server this needs: its options and its connection event. */
interface Engine {
  opts: {
    allowRequest?: (
      req: IncomingMessage,
      fn: (err: string | null | undefined, ok: boolean) => void,
    ) => void;
  };
  on(event: 'connection', listener: (socket: EngineSocket) => void): void;
}

interface EngineSocket {
  request: IncomingMessage;
  once(event: 'close', listener: () => void): void;
}

/** The caller's address: a loopback proxy's X-Forwarded-For, as express's 'trust proxy' reads it. */
export function clientAddress(req: IncomingMessage): string {
  const remote = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  const loopback = remote === '::1' || remote.startsWith('127.') || remote === '::ffff:127.0.0.1';
  if (!loopback || typeof forwarded !== 'string') return remote;
  const hops = forwarded.split(',').map((hop) => hop.trim());
  return hops.at(-1) || remote;
}

/**
 * Who may open a feed connection, checked in engine.io's handshake (before any Socket.IO state
 * exists): an allowed Origin, and room under the caps on connections in total and per address.
 */
export class FeedAdmission {
  private total = 0;
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: Limits) {}

  attach(engine: Engine): void {
    engine.opts.allowRequest = (req, fn) => {
      const refusal = this.refusal(req);
      fn(refusal, refusal === undefined);
    };
    engine.on('connection', (socket) => {
      const address = clientAddress(socket.request);
      this.total += 1;
      this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
      socket.once('close', () => {
        this.total -= 1;
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left > 0) this.perAddress.set(address, left);
        else this.perAddress.delete(address);
      });
    });
  }

  /** Open connections, for tests and logs. */
  get connections(): number {
    return this.total;
  }

  private refusal(req: IncomingMessage): string | undefined {
    const origin = req.headers.origin;
    if (!originAllowed(origin, req.headers.host, this.limits)) return 'origin not allowed';
    if (this.total >= this.limits.feedConnections) return 'too many feed connections';
    const address = clientAddress(req);
    if ((this.perAddress.get(address) ?? 0) >= this.limits.feedConnectionsPerIp)
      return 'too many feed connections from this address';
    return undefined;
  }
}
