import type { FeedStatus } from '../../../feed/client/feed-types.js';
import { useFeedStatus } from '../feed/feed-context.js';

const LABELS: Record<FeedStatus, string> = {
  connected: 'Live',
  connecting: 'Connecting…',
  disconnected: 'Offline, reconnecting…',
};

/** Whether updates are arriving; announced politely to screen readers when it changes. */
export function ConnectionStatus() {
  const status = useFeedStatus();
  return (
    <p
      class={`connection connection-${status}`}
      role="status"
      data-testid="connection-status"
      data-state={status}
    >
      <span class="dot" aria-hidden="true" />
      {LABELS[status]}
    </p>
  );
}
