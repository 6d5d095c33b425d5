import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { io } from 'socket.io-client';
import { FeedClient } from '../../../feed/client/feed-client.js';
import type { FeedStatus } from '../../../feed/client/feed-types.js';

/** One socket for the whole page, WebSocket only (as the service scales without sticky sessions). */
export function connectFeed(): FeedClient {
  const socket = io('/feed', { transports: ['websocket'] });
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
