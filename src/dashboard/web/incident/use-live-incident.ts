import { useEffect, useState } from 'preact/hooks';
import { useFeed } from '../feed/feed-context.js';
import { LiveIncident, type LiveIncidentState } from '../lib/live-incident.js';

/** The live view and timeline of one incident, kept current by the feed. */
export function useLiveIncident(incidentId: string): LiveIncidentState {
  const feed = useFeed();
  const [state, setState] = useState<LiveIncidentState>({ timeline: [], live: false });
  useEffect(() => {
    setState({ timeline: [], live: false });
    const live = new LiveIncident(feed, incidentId, setState);
    void live.start();
    return () => live.stop();
  }, [feed, incidentId]);
  return state;
}
