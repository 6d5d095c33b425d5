import { useMemo } from 'preact/hooks';
import type { CasualtyView, TimelineEntry } from '../api/api-types.js';
import { buildCasualtySeries } from '../lib/casualty-series.js';
import { formatRange, formatTime } from '../lib/format.js';
import { AssessmentForm, AssessmentTokenForm } from './assessment-form.js';
import { useToken } from './use-token.js';
import { CasualtyChart } from './casualty-chart.js';

interface Props {
  incidentId: string;
  /** True on the live view: only there can an editor record an assessment. */
  live: boolean;
  casualties: readonly CasualtyView[];
  /** The entries up to the view point shown, to draw how each source's figures evolved. */
  timeline: readonly TimelineEntry[];
}

/** Sources' names for the claims an assessment rests on, as the line shows them. */
function basisNames(line: CasualtyView): string[] {
  const names = new Map(line.sources.map((source) => [source.claimId, source.source]));
  return (line.assessment?.basis ?? []).map((claimId) => names.get(claimId) ?? claimId);
}

function Assessment({ line }: { line: CasualtyView }) {
  const assessment = line.assessment;
  if (!assessment) {
    return (
      <p class="casualty-assessment muted" data-testid="casualty-assessment" data-state="none">
        No desk assessment yet.
      </p>
    );
  }
  return (
    <div class="casualty-assessment" data-testid="casualty-assessment" data-state="assessed">
      <p class="assessment-figures">
        <span class="assessment-label">Our assessment</span>{' '}
        <span data-testid="assessment-values">
          low {assessment.low} · best <strong>{assessment.best}</strong> · high{' '}
          {assessment.high ?? 'no upper bound'}
        </span>
      </p>
      <p class="assessment-reason-text" dir="auto" data-testid="assessment-reason-text">
        {assessment.reason}
      </p>
      <p class="assessment-meta muted">
        Based on{' '}
        <span dir="auto" data-testid="assessment-basis-names">
          {basisNames(line).join(', ')}
        </span>{' '}
        · by <span data-testid="assessment-by">{assessment.recordedBy}</span>,{' '}
        <time dateTime={assessment.recordedAt}>{formatTime(assessment.recordedAt)}</time>
      </p>
    </div>
  );
}

/**
 * Per measure and group: the range across sources, the range over undisputed claims, the desk's
 * assessment, then each source, so disagreement shows. Live, editors can record an assessment.
 */
export function CasualtiesPanel({ incidentId, live, casualties, timeline }: Props) {
  const series = useMemo(() => buildCasualtySeries(timeline), [timeline]);
  const token = useToken();
  return (
    <section
      class="panel casualties"
      id="casualties"
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
            {line.measure}{' '}
            <span class="muted" dir="auto">
              ({line.group})
            </span>
          </h3>
          <p class="casualty-undisputed" data-testid="casualty-undisputed">
            Undisputed:{' '}
            {line.undisputed ? (
              <strong>{formatRange(line.undisputed.min, line.undisputed.max)}</strong>
            ) : (
              <span class="muted">none: every figure is disputed</span>
            )}
          </p>
          <Assessment line={line} />
          <ul class="casualty-sources">
            {line.sources.map((source) => (
              <li key={source.claimId} data-testid="casualty-source" data-claim-id={source.claimId}>
                <strong>{formatRange(source.min, source.max)}</strong> —{' '}
                <span dir="auto">{source.source}</span>
                {source.wording && (
                  <span class="muted" dir="auto">
                    {' '}
                    (“{source.wording}”)
                  </span>
                )}
                <span class="muted"> · reported {formatTime(source.reportedAt)}</span>
              </li>
            ))}
          </ul>
          {live && <AssessmentForm incidentId={incidentId} line={line} />}
        </div>
      ))}
      {live && !token && casualties.length > 0 && <AssessmentTokenForm />}
      {series.length > 0 && <CasualtyChart series={series} />}
    </section>
  );
}
