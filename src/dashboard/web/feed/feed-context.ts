import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { io } from 'socket.io-client';
import { FeedClient } from '../../../feed/client/feed-client.js';
import type { FeedStatus } from '../../../feed/client/feed-types.js';
import { announceUnauthorized, readToken } from '../api/read-token.js';

/** One socket for the whole page, WebSocket only (as the service scales without sticky sessions). */
export function connectFeed(): FeedClient {
  const socket = io('/feed', {
    transports: ['websocket'],
    // A function, so each reconnection sends the token as it is now.
    auth: (send) => {
      const token = readToken();
      send(token ? { token } : {});
    },
  });
  // The server refuses a connection without a valid token when reads are private.
  socket.on('connect_error', () => {
    if (!socket.active) announceUnauthorized();
  });
  const client = new FeedClient(socket);
  // Tests drop and restore the connection through this handle, as a network would.
  (window as unknown as { storylineFeed?: unknown }).storylineFeed = { socket, client };
  return client;
}

export const FeedContext = createContext<FeedClient | null>(null);

export function useFeed(): FeedClient {
  const feed = useContext(FeedContext);
  if (!feed) throw new Error('useFeed outside FeedContext');
  return feed;
}

/** The feed's connection status, re-rendering on every change. */
export function useFeedStatus(): FeedStatus {
  const feed = useFeed();
  const [status, setStatus] = useState<FeedStatus>(feed.status);
  useEffect(() => {
    setStatus(feed.status);
    return feed.onStatus(setStatus);
  }, [feed]);
  return status;
}
