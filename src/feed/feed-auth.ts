import type { TokenRegistry } from '../auth/token-registry.js';
import type { FeedSocket } from './feed-socket.js';

/** An error Socket.IO sends to the client as `connect_error` (message and data). */
function refused(message: string): Error & { data: { status: number } } {
  return Object.assign(new Error(message), { data: { status: 401 } });
}

/**
 * Checks `auth.token` when a client connects (Nest guards do not run on connect). Private reads
 * need a valid token; a token that is given but unknown is refused even when reads are public.
 */
export function feedAuthMiddleware(tokens: TokenRegistry, publicRead: boolean) {
  return (socket: FeedSocket, next: (error?: Error) => void): void => {
    const auth: unknown = socket.handshake.auth;
    const token =
      typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    if (token === undefined || token === null) {
      next(
        publicRead ? undefined : refused('the feed needs a token: connect with auth: { token }'),
      );
      return;
    }
    const principal = typeof token === 'string' ? tokens.resolve(token) : undefined;
    if (!principal) {
      next(refused('the token is not valid'));
      return;
    }
    socket.data.principal = principal;
    next();
  };
}
