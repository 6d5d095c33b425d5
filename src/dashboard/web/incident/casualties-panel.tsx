import { useMemo } from 'preact/hooks';
import type { CasualtyView, TimelineEntry } from '../api/api-types.js';
import { buildCasualtySeries } from '../lib/casualty-series.js';
import { formatRange, formatTime } from '../lib/format.js';
import { CasualtyChart } from './casualty-chart.js';

interface Props {
  casualties: readonly CasualtyView[];
  /** The entries up to the view point shown, to draw how each source's figures evolved. */
  timeline: readonly TimelineEntry[];
}

/** Per measure and group: the range across sources, then each source, so disagreement shows. */
export function CasualtiesPanel({ casualties, timeline }: Props) {
  const series = useMemo(() => buildCasualtySeries(timeline), [timeline]);
  return (
    <section
      class="panel casualties"
      aria-labelledby="casualties-heading"
      data-testid="casualties-panel"
    >
      <h2 id="casualties-heading">Casualties</h2>
      {casualties.length === 0 && <p class="muted">No casualty figures reported.</p>}
      {casualties.map((line) => (
        <div
          key={`${line.measure}|${line.group}`}
          class="casualty-line"
          data-testid="casualty-line"
          data-measure={line.measure}
          data-group={line.group}
        >
          <h3>
            <span class="casualty-range" data-testid="casualty-range">
              {formatRange(line.min, line.max)}
            </span>{' '}
            {line.measure} <span class="muted">({line.group})</span>
          </h3>
          <ul class="casualty-sources">
            {line.sources.map((source) => (
              <li key={source.claimId} data-testid="casualty-source" data-claim-id={source.claimId}>
                <strong>{formatRange(source.min, source.max)}</strong> — {source.source}
                {source.wording && <span class="muted"> (“{source.wording}”)</span>}
                <span class="muted"> · reported {formatTime(source.reportedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {series.length > 0 && <CasualtyChart series={series} />}
    </section>
  );
}
