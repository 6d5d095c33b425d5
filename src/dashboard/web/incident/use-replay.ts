import { useEffect, useRef, useState } from 'preact/hooks';
import type { IncidentView, ViewPoint } from '../api/api-types.js';
import { ApiError, getView } from '../api/http.js';
import { changedClaims, type ClaimChange } from '../lib/claim-changes.js';

export interface ReplayState {
  /** The view shown: the live one, or the one at the view point. */
  view?: IncidentView;
  /** Claims new or changed since the previous step (or the previous live update). */
  changes: Map<string, ClaimChange>;
  loading: boolean;
  error?: string;
  /** The service has no view at that point (before the incident, past its end). */
  notFound?: boolean;
}

/**
 * The view at a view point. For a revision the previous step is revision n-1; for a time it is
 * whatever was shown before; live, it is the view before the latest update. `point` must keep
 * its identity while it names the same view point (memoize it on its key).
 */
export function useReplay(
  incidentId: string,
  point: ViewPoint,
  liveView: IncidentView | undefined,
): ReplayState {
  const [state, setState] = useState<ReplayState>({
    changes: new Map<string, ClaimChange>(),
    loading: false,
  });
  const shownRef = useRef<IncidentView | undefined>(undefined);
  const requestRef = useRef(0);

  useEffect(() => {
    if (point.kind !== 'live') return;
    const previous = shownRef.current;
    if (liveView === previous) return;
    const sameIncident = previous?.incidentId === liveView?.incidentId;
    shownRef.current = liveView;
    setState({
      view: liveView,
      changes:
        liveView && sameIncident
          ? changedClaims(previous, liveView)
          : new Map<string, ClaimChange>(),
      loading: false,
    });
  }, [point, liveView]);

  useEffect(() => {
    if (point.kind === 'live') return;
    const id = ++requestRef.current;
    setState((current) => ({ ...current, loading: true }));
    const load = async (): Promise<void> => {
      const view = await getView(incidentId, point);
      let previous = shownRef.current;
      if (point.kind === 'revision') {
        previous =
          point.revision > 0
            ? await getView(incidentId, { kind: 'revision', revision: point.revision - 1 })
            : undefined;
      }
      if (id !== requestRef.current) return;
      shownRef.current = view;
      setState({ view, changes: changedClaims(previous, view), loading: false });
    };
    load().catch((error: unknown) => {
      if (id !== requestRef.current) return;
      const notFound = error instanceof ApiError && error.status === 404;
      const message = notFound
        ? 'Nothing had been recorded or reported about this incident at that point.'
        : error instanceof Error
          ? error.message
          : String(error);
      shownRef.current = undefined;
      setState({
        view: undefined,
        changes: new Map<string, ClaimChange>(),
        loading: false,
        error: message,
        notFound,
      });
    });
  }, [incidentId, point]);

  return state;
}
