import { useMemo, useState } from 'preact/hooks';
import type { TimelineEntry } from '../api/api-types.js';
import { formatTime } from '../lib/format.js';
import {
  eventLabel,
  isBackdated,
  sortTimeline,
  type TimelineOrder,
} from '../lib/timeline-events.js';
import { worldKeys } from '../lib/world-time.js';

interface Props {
  entries: readonly TimelineEntry[];
  /** The revision the replay shows, highlighted. */
  current?: number;
}

/** Every event as one line, newest first, by recorded or by reported time. */
export function TimelinePanel({ entries, current }: Props) {
  const [by, setBy] = useState<TimelineOrder>('recorded');
  const sorted = useMemo(() => sortTimeline(entries, by), [entries, by]);
  const world = useMemo(() => worldKeys(entries), [entries]);
  return (
    <section class="panel timeline" aria-labelledby="timeline-heading" data-testid="timeline">
      <div class="panel-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <label>
          Order by{' '}
          <select
            value={by}
            data-testid="timeline-order"
            onChange={(event) => setBy(event.currentTarget.value as TimelineOrder)}
          >
            <option value="recorded">recorded time</option>
            <option value="reported">reported time</option>
          </select>
        </label>
      </div>
      <ol class="timeline-list" aria-live="polite" aria-relevant="additions">
        {sorted.map((entry) => {
          const backdated = isBackdated(entry);
          const when =
            by === 'reported' ? world.get(entry.revision) || entry.recordedAt : entry.recordedAt;
          return (
            <li
              key={entry.revision}
              class={`timeline-entry${entry.revision === current ? ' current' : ''}`}
              data-testid="timeline-entry"
              data-revision={entry.revision}
              data-event-id={entry.eventId}
              aria-current={entry.revision === current ? 'step' : undefined}
            >
              <time dateTime={when}>{formatTime(when)}</time>
              <span class="timeline-summary" dir="auto">
                {entry.summary}
              </span>
              <span class="timeline-meta muted">
                #{entry.revision} ·{' '}
                <span data-testid="timeline-type" data-type={entry.type}>
                  {eventLabel(entry.type)}
                </span>{' '}
                · recorded by {entry.recordedBy}
                {by === 'reported' && <> at {formatTime(entry.recordedAt)}</>}
              </span>
              {backdated && (
                <span
                  class="badge badge-backdated"
                  data-testid="timeline-backdated"
                  title={`Reported ${formatTime(entry.reportedAt)}, recorded ${formatTime(entry.recordedAt)}`}
                >
                  back-dated: reported {formatTime(entry.reportedAt)}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
