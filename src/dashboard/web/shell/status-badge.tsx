import type { IncidentStatus } from '../api/api-types.js';

/** An incident's status as a labelled badge (colour is never the only signal). */
export function StatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span class={`badge status status-${status}`} data-testid="incident-status">
      {status}
    </span>
  );
}
