import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ViewPoint } from '../api/api-types.js';
import { incidentHref } from '../shell/use-hash-route.js';
import { CasualtiesPanel } from './casualties-panel.js';
import { ClaimsSection } from './claims-section.js';
import { HistoryDialog } from './history-dialog.js';
import { IncidentHeader } from './incident-header.js';
import { ReplayBar } from './replay-bar.js';
import { edgeOf, ReplayEdge } from './replay-edge.js';
import { TimelinePanel } from './timeline-panel.js';
import { useLiveIncident } from './use-live-incident.js';
import { useReplay } from './use-replay.js';
import { paramsOf, timelineAt, viewPointFrom } from './view-point.js';

interface Props {
  incidentId: string;
  params: URLSearchParams;
}

/** One incident: claims, casualties, timeline, live or replayed, with each claim's audit. */
export function IncidentPage({ incidentId, params }: Props) {
  // one object per view point (the route's query, normalized), so hooks re-run only when it changes
  const search = paramsOf(viewPointFrom(params)).toString();
  const point = useMemo(() => viewPointFrom(new URLSearchParams(search)), [search]);
  const live = useLiveIncident(incidentId);
  const replay = useReplay(incidentId, point, live.view);
  const [historyOf, setHistoryOf] = useState<string | undefined>();
  const timeline = useMemo(() => timelineAt(live.timeline, point), [live.timeline, point]);
  const view = replay.view;

  const title = live.view?.title;
  useEffect(() => {
    if (title) document.title = `${title} · storyline`;
  }, [title]);

  const setPoint = (next: ViewPoint): void => {
    window.location.replace(incidentHref(incidentId, paramsOf(next)));
  };

  if (live.notFound) {
    return (
      <section class="incident-page" data-testid="incident-page">
        <h1>Incident not found</h1>
        <p>
          There is no incident <code>{incidentId}</code>. <a href="#/">Back to all incidents</a>
        </p>
      </section>
    );
  }
  if (!live.view) {
    return (
      <section class="incident-page" data-testid="incident-page" aria-busy="true">
        <p class="muted">
          {live.error ? `Could not load the incident: ${live.error}` : 'Loading…'}
        </p>
      </section>
    );
  }

  const edge = replay.loading
    ? undefined
    : edgeOf(point, live.view.revision, replay.notFound, view?.claims.length);
  // before the incident or past its end there is no view: no header that passes for the live one
  const noView = edge === 'before' || edge === 'past-end';
  return (
    <section
      class="incident-page"
      data-testid="incident-page"
      data-revision={view?.revision}
      data-feed={live.live ? 'live' : 'waiting'}
      data-edge={edge ?? ''}
    >
      {noView ? (
        <ReplayEdge edge={edge} point={point} latest={live.view.revision} />
      ) : (
        (view ?? point.kind === 'live') && <IncidentHeader view={view ?? live.view} />
      )}
      <ReplayBar
        point={point}
        latest={live.view.revision}
        shownRevision={view?.revision}
        timeline={live.timeline}
        loading={replay.loading}
        onChange={setPoint}
      />
      {!noView && (replay.error ?? live.error) && (
        <p class="error" role="alert">
          {replay.error ?? live.error}
        </p>
      )}
      {edge === 'empty' && <ReplayEdge edge={edge} point={point} latest={live.view.revision} />}
      {view && !noView && (
        <div class="incident-grid">
          <ClaimsSection
            key={incidentId}
            incidentId={incidentId}
            view={view}
            live={point.kind === 'live'}
            changes={replay.changes}
            onHistory={setHistoryOf}
          />
          <div class="side">
            <CasualtiesPanel
              incidentId={incidentId}
              live={point.kind === 'live'}
              casualties={view.casualties}
              timeline={timeline}
            />
            <TimelinePanel
              entries={timeline}
              current={point.kind === 'live' ? undefined : view.revision}
            />
          </div>
        </div>
      )}
      {historyOf && (
        <HistoryDialog
          incidentId={incidentId}
          claimId={historyOf}
          onClose={() => setHistoryOf(undefined)}
        />
      )}
    </section>
  );
}
