import type { IncidentSummary } from '../api/api-types.js';
import { formatTime } from '../lib/format.js';
import { StatusBadge } from '../shell/status-badge.js';
import { incidentHref } from '../shell/use-hash-route.js';
import { CasualtySummary } from './casualty-summary.js';

/** One incident in the list: title (a link), status, last update, casualty summary. */
export function IncidentRow({ incident, fresh }: { incident: IncidentSummary; fresh: boolean }) {
  return (
    <li
      class={`incident-row${fresh ? ' fresh' : ''}`}
      data-testid="incident-row"
      data-incident-id={incident.incidentId}
    >
      <h2 class="incident-row-title">
        <a href={incidentHref(incident.incidentId)} dir="auto">
          {incident.title}
        </a>
      </h2>
      <div class="incident-row-meta">
        <StatusBadge status={incident.status} />
        {incident.location?.name && <span>{incident.location.name}</span>}
        <code class="muted">{incident.incidentId}</code>
        <span>
          Updated <time dateTime={incident.updatedAt}>{formatTime(incident.updatedAt)}</time>
        </span>
        {incident.claimCount !== undefined && (
          <span>
            {incident.claimCount} {incident.claimCount === 1 ? 'claim' : 'claims'}
          </span>
        )}
        {fresh && <span class="badge badge-new">just updated</span>}
      </div>
      <CasualtySummary casualties={incident.casualties} />
    </li>
  );
}
