import type { IncidentView } from '../api/api-types.js';
import { formatTime } from '../lib/format.js';
import { DownloadButtons } from './download-buttons.js';
import { StatusBadge } from '../shell/status-badge.js';

/** Title, status, place and time of the incident as the shown view has them. */
export function IncidentHeader({ view }: { view: IncidentView }) {
  const occurred = view.occurredAt;
  const occurredText = occurred
    ? occurred.precision === 'day' || occurred.precision === 'month'
      ? new Date(occurred.at).toLocaleDateString('en-GB', {
          day: occurred.precision === 'day' ? 'numeric' : undefined,
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        })
      : formatTime(occurred.at)
    : 'unknown';
  return (
    <header class="incident-header">
      <p class="breadcrumb">
        <a href="#/">← All incidents</a>
      </p>
      <h1 data-testid="incident-title" dir="auto">
        {view.title}
      </h1>
      <div class="incident-meta">
        <StatusBadge status={view.status} />
        <span>{view.location?.name ?? 'Location unknown'}</span>
        <span>Occurred {occurredText}</span>
        <span>
          Updated <time dateTime={view.updatedAt}>{formatTime(view.updatedAt)}</time>
        </span>
        <span class="muted" data-testid="incident-point">
          <code>{view.incidentId}</code> ·{' '}
          {view.basis ? (
            // a reportedBy view is not a stream prefix: never label it with a revision
            <span data-testid="incident-basis">
              as reported by {formatTime(view.basis.reportedBy)}
              {view.basis.asOf && <>, as we knew it at {formatTime(view.basis.asOf)}</>}
            </span>
          ) : (
            <>revision {view.revision}</>
          )}
        </span>
      </div>
      {view.summary && (
        <p class="incident-summary" dir="auto">
          {view.summary}
        </p>
      )}
      {view.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {view.tags.map((tag) => (
            <li key={tag} class="badge badge-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <DownloadButtons incidentId={view.incidentId} />
    </header>
  );
}
