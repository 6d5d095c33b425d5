import { useEffect, useState } from 'preact/hooks';
import type { TimelineEntry, ViewPoint } from '../api/api-types.js';
import { formatTime, fromLocalInput, toLocalInput } from '../lib/format.js';
import { TimeForm } from './time-form.js';

interface Props {
  point: ViewPoint;
  /** The live view's revision: the last step. */
  latest: number;
  /** The revision of the view shown (for time points, where it lands). */
  shownRevision?: number;
  timeline: readonly TimelineEntry[];
  loading: boolean;
  onChange: (point: ViewPoint) => void;
}

function describe(point: ViewPoint, latest: number): string {
  switch (point.kind) {
    case 'live':
      return 'Live: the story as it stands now';
    case 'revision':
      return `Replay: step ${point.revision} of ${latest}`;
    case 'asOf':
      return `As storyline knew it at ${formatTime(point.at)}`;
    case 'reportedBy':
      return `As reported by ${formatTime(point.at)}`;
  }
}

/** Step through the incident's revisions, or pick a time; "Live" comes back to now. */
export function ReplayBar({ point, latest, shownRevision, timeline, loading, onChange }: Props) {
  const step = point.kind === 'revision' ? point.revision : (shownRevision ?? latest);
  const [slider, setSlider] = useState(step);
  useEffect(() => setSlider(step), [step]);
  const entry = timeline.find((candidate) => candidate.revision === step);
  const go = (revision: number): void =>
    onChange(
      revision >= latest ? { kind: 'live' } : { kind: 'revision', revision: Math.max(0, revision) },
    );
  const defaultTime = entry?.recordedAt ?? new Date().toISOString();

  return (
    <section
      class={`replay replay-${point.kind}`}
      aria-labelledby="replay-heading"
      data-testid="replay-bar"
    >
      <h2 id="replay-heading" class="replay-mode" data-testid="replay-mode" aria-live="polite">
        {describe(point, latest)}
        {loading && <span class="muted"> (loading…)</span>}
      </h2>
      <div class="replay-steps">
        <button
          type="button"
          class="button"
          data-testid="replay-back"
          disabled={step <= 0}
          onClick={() => go(step - 1)}
        >
          ◀ Step back
        </button>
        <label class="replay-slider">
          <span class="visually-hidden">Revision</span>
          <input
            type="range"
            min={0}
            max={latest}
            value={slider}
            data-testid="replay-slider"
            aria-valuetext={`step ${slider} of ${latest}`}
            onInput={(event) => setSlider(Number(event.currentTarget.value))}
            onChange={(event) => go(Number(event.currentTarget.value))}
          />
        </label>
        <button
          type="button"
          class="button"
          data-testid="replay-forward"
          disabled={point.kind === 'live'}
          onClick={() => go(step + 1)}
        >
          Step forward ▶
        </button>
        <button
          type="button"
          class="button button-live"
          data-testid="replay-live"
          aria-pressed={point.kind === 'live'}
          onClick={() => onChange({ kind: 'live' })}
        >
          Live
        </button>
      </div>
      {entry && point.kind !== 'live' && (
        <p class="replay-entry muted" data-testid="replay-entry">
          Step {entry.revision}: {entry.summary}
        </p>
      )}
      <div class="replay-times">
        <TimeForm
          label="As we knew it at (UTC)"
          testId="replay-asof"
          value={point.kind === 'asOf' ? toLocalInput(point.at) : toLocalInput(defaultTime)}
          onSubmit={(value) => {
            const at = fromLocalInput(value);
            if (at) onChange({ kind: 'asOf', at });
          }}
        />
        <TimeForm
          label="As reported by (UTC)"
          testId="replay-reportedby"
          value={
            point.kind === 'reportedBy'
              ? toLocalInput(point.at)
              : toLocalInput(entry?.reportedAt ?? defaultTime)
          }
          onSubmit={(value) => {
            const at = fromLocalInput(value);
            if (at) onChange({ kind: 'reportedBy', at });
          }}
        />
      </div>
    </section>
  );
}
