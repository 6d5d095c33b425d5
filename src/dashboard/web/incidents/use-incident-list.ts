import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { IncidentSummary } from '../api/api-types.js';
import { listIncidents } from '../api/http.js';
import { useFeed } from '../feed/feed-context.js';

export interface IncidentListQuery {
  status: string;
  q: string;
}

export interface IncidentListState {
  items: IncidentSummary[];
  /** The search the items answer (the query's `q` once its first page has arrived). */
  shownQ?: string;
  nextCursor?: string;
  loading: boolean;
  error?: string;
  /** True once the feed acknowledged the subscription: from then on no change goes unseen. */
  live: boolean;
  /** Incidents the feed reported a change for in the last few seconds. */
  fresh: ReadonlySet<string>;
  loadMore: () => void;
}

const PAGE = 20;
const FRESH_MS = 8000;

/** The incidents list for a query, refetched whenever the all-incidents feed reports a change. */
export function useIncidentList(query: IncidentListQuery): IncidentListState {
  const feed = useFeed();
  const [items, setItems] = useState<IncidentSummary[]>([]);
  const [shownQ, setShownQ] = useState<string | undefined>();
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [tick, setTick] = useState(0);
  const [live, setLive] = useState(false);
  const shownRef = useRef(PAGE);
  const requestRef = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = feed.subscribe({
      // Changes between the first fetch and the subscription's start would be missed: refetch.
      onSubscribed: () => {
        setLive(true);
        setTick((n) => n + 1);
      },
      onEvent: (event) => {
        setFresh((ids) => new Set(ids).add(event.incidentId));
        setTimeout(() => {
          setFresh((ids) => {
            const next = new Set(ids);
            next.delete(event.incidentId);
            return next;
          });
        }, FRESH_MS);
        // Coalesce a burst of events into one refetch.
        clearTimeout(timer);
        timer = setTimeout(() => setTick((n) => n + 1), 50);
      },
    });
    // After a reconnect the list may have missed changes made while live-only: refetch it.
    const stopListening = feed.onStatus((status) => {
      if (status !== 'connected') setLive(false);
    });
    return () => {
      clearTimeout(timer);
      stopListening();
      subscription.close();
    };
  }, [feed]);

  useEffect(() => {
    const id = ++requestRef.current;
    const limit = Math.min(100, Math.max(PAGE, shownRef.current));
    listIncidents({ status: query.status, q: query.q, limit })
      .then((page) => {
        if (id !== requestRef.current) return;
        setItems(page.items);
        setShownQ(query.q);
        setNextCursor(page.nextCursor ?? undefined);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (id === requestRef.current)
          setError(failure instanceof Error ? failure.message : String(failure));
      })
      .finally(() => {
        if (id === requestRef.current) setLoading(false);
      });
  }, [query.status, query.q, tick]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    const id = ++requestRef.current;
    listIncidents({ status: query.status, q: query.q, limit: PAGE, cursor: nextCursor })
      .then((page) => {
        if (id !== requestRef.current) return;
        setItems((current) => {
          const known = new Set(current.map((item) => item.incidentId));
          const merged = [...current, ...page.items.filter((item) => !known.has(item.incidentId))];
          shownRef.current = merged.length;
          return merged;
        });
        setNextCursor(page.nextCursor ?? undefined);
      })
      .catch((failure: unknown) => {
        if (id === requestRef.current)
          setError(failure instanceof Error ? failure.message : String(failure));
      });
  }, [nextCursor, query.status, query.q]);

  return { items, shownQ, nextCursor, loading, error, live, fresh, loadMore };
}
