import { useEffect, useState } from 'preact/hooks';
import type { TimelineEntry, ViewPoint } from '../api/api-types.js';
import { fromLocalInput, toLocalInput } from '../lib/format.js';
import { worldTimes } from '../lib/world-time.js';
import { describePoint, type StepBy, worldStepOf } from './replay-steps.js';
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

/**
 * Step through revisions or through world time, or set the two clocks ("as reported by", "as
 * we knew it at"), alone or together; "Live" comes back to now.
 */
export function ReplayBar({ point, latest, shownRevision, timeline, loading, onChange }: Props) {
  const times = worldTimes(timeline);
  const [chosen, setChosen] = useState<StepBy>('revision');
  const stepBy: StepBy =
    point.kind === 'reportedBy' ? 'world' : point.kind === 'revision' ? 'revision' : chosen;
  const last = stepBy === 'world' ? times.length - 1 : latest;
  const step =
    stepBy === 'world'
      ? point.kind === 'reportedBy'
        ? worldStepOf(times, point.at)
        : last
      : point.kind === 'revision'
        ? point.revision
        : (shownRevision ?? latest);
  const [slider, setSlider] = useState(step);
  useEffect(() => setSlider(step), [step, stepBy]);
  const entry =
    stepBy === 'revision' ? timeline.find((candidate) => candidate.revision === step) : undefined;
  const asOf =
    point.kind === 'asOf' ? point.at : point.kind === 'reportedBy' ? point.asOf : undefined;
  const go = (to: number): void => {
    if (stepBy === 'world') {
      const time = times[Math.min(Math.max(0, to), last)];
      if (time) onChange({ kind: 'reportedBy', at: time, ...(asOf && { asOf }) });
      return;
    }
    onChange(to >= latest ? { kind: 'live' } : { kind: 'revision', revision: Math.max(0, to) });
  };
  const defaultTime = entry?.recordedAt ?? new Date().toISOString();
  const unit = stepBy === 'world' ? 'world time' : 'step';

  return (
    <section
      class={`replay replay-${point.kind}`}
      aria-labelledby="replay-heading"
      data-testid="replay-bar"
      data-step-by={stepBy}
    >
      <h2 id="replay-heading" class="replay-mode" data-testid="replay-mode" aria-live="polite">
        {describePoint(point, latest, times)}
        {loading && <span class="muted"> (loading…)</span>}
      </h2>
      <div class="replay-steps">
        <label>
          Step through{' '}
          <select
            value={stepBy}
            data-testid="replay-step-by"
            onChange={(event) => {
              const next = event.currentTarget.value as StepBy;
              setChosen(next);
              if (next === 'world' && times.length > 0) {
                onChange({ kind: 'reportedBy', at: times[times.length - 1] });
              } else if (next === 'revision' && point.kind === 'reportedBy') {
                onChange({ kind: 'live' });
              }
            }}
          >
            <option value="revision">revisions (as recorded)</option>
            <option value="world">world time (as reported)</option>
          </select>
        </label>
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
          <span class="visually-hidden">{stepBy === 'world' ? 'World time' : 'Revision'}</span>
          <input
            type="range"
            min={0}
            max={Math.max(0, last)}
            value={slider}
            data-testid="replay-slider"
            aria-valuetext={
              stepBy === 'world' && times[slider]
                ? `as reported by ${times[slider]}`
                : `${unit} ${slider} of ${last}`
            }
            onInput={(event) => setSlider(Number(event.currentTarget.value))}
            onChange={(event) => go(Number(event.currentTarget.value))}
          />
        </label>
        <button
          type="button"
          class="button"
          data-testid="replay-forward"
          disabled={point.kind === 'live' || (stepBy === 'world' && step >= last)}
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
          Step {entry.revision}: <span dir="auto">{entry.summary}</span>
        </p>
      )}
      <div class="replay-times">
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
            // the other clock, when set, stays: both together are the bitemporal view
            if (at) onChange({ kind: 'reportedBy', at, ...(asOf && { asOf }) });
          }}
          onClear={
            point.kind === 'reportedBy'
              ? () => onChange(point.asOf ? { kind: 'asOf', at: point.asOf } : { kind: 'live' })
              : undefined
          }
        />
        <TimeForm
          label="As we knew it at (UTC)"
          testId="replay-asof"
          value={toLocalInput(asOf ?? defaultTime)}
          onSubmit={(value) => {
            const at = fromLocalInput(value);
            if (!at) return;
            onChange(
              point.kind === 'reportedBy'
                ? { kind: 'reportedBy', at: point.at, asOf: at }
                : { kind: 'asOf', at },
            );
          }}
          onClear={
            asOf !== undefined
              ? () =>
                  onChange(
                    point.kind === 'reportedBy'
                      ? { kind: 'reportedBy', at: point.at }
                      : { kind: 'live' },
                  )
              : undefined
          }
        />
      </div>
    </section>
  );
}
