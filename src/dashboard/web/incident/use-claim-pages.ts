import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClaimView } from '../api/api-types.js';
import { listClaims, type ClaimFilter } from '../api/claims.js';

/** Claims per page: enough to read on, few enough that a 10,000-claim incident stays quick. */
export const CLAIMS_PAGE = 50;
/** The most the service returns in one page, used when the shown pages are fetched again. */
const MAX_PAGE = 500;

export interface ClaimPages {
  items: ClaimView[];
  /** True while there are more claims past the ones shown. */
  more: boolean;
  loading: boolean;
  error?: string;
  loadMore: () => void;
}

interface Loaded {
  items: ClaimView[];
  nextCursor?: string;
}

/**
 * The incident's claims through GET /incidents/:id/claims with a filter, a page at a time. When
 * the incident moves (`revision`), the claims shown so far are fetched again, so states, supports
 * and new claims show live; a change of filter starts from the first page.
 */
export function useClaimPages(
  incidentId: string,
  filter: ClaimFilter,
  revision: number | undefined,
  enabled: boolean,
): ClaimPages {
  const [loaded, setLoaded] = useState<Loaded>({ items: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // how many claims are shown, so a refresh fetches as many; each request is one generation
  const shownRef = useRef(0);
  const generationRef = useRef(0);
  const filterKey = JSON.stringify(filter);
  const lastFilterRef = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!enabled || revision === undefined) return;
    const fresh = lastFilterRef.current !== filterKey;
    lastFilterRef.current = filterKey;
    if (fresh) shownRef.current = 0;
    const want = Math.max(CLAIMS_PAGE, shownRef.current);
    const mine = ++generationRef.current;
    const controller = new AbortController();
    setLoading(true);
    void (async () => {
      try {
        const parsed = JSON.parse(filterKey) as ClaimFilter;
        const items: ClaimView[] = [];
        let page = await listClaims(
          incidentId,
          { filter: parsed, limit: Math.min(want, MAX_PAGE) },
          controller.signal,
        );
        items.push(...page.items);
        while (page.nextCursor && items.length < want) {
          page = await listClaims(
            incidentId,
            { cursor: page.nextCursor, limit: Math.min(want - items.length, MAX_PAGE) },
            controller.signal,
          );
          items.push(...page.items);
        }
        if (mine !== generationRef.current) return;
        shownRef.current = items.length;
        setLoaded({ items, nextCursor: page.nextCursor ?? undefined });
        setError(undefined);
      } catch (failure) {
        if (mine !== generationRef.current || controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : String(failure));
      } finally {
        if (mine === generationRef.current) setLoading(false);
      }
    })();
    return () => controller.abort();
  }, [incidentId, filterKey, revision, enabled]);

  const cursor = loaded.nextCursor;
  const count = loaded.items.length;
  const loadMore = useCallback(() => {
    if (!cursor) return;
    // a refresh that starts meanwhile fetches the next page too
    shownRef.current = count + CLAIMS_PAGE;
    const mine = ++generationRef.current;
    setLoading(true);
    void (async () => {
      try {
        const page = await listClaims(incidentId, { cursor, limit: CLAIMS_PAGE });
        if (mine !== generationRef.current) return;
        setLoaded((before) => {
          const known = new Set(before.items.map((claim) => claim.claimId));
          const items = [...before.items, ...page.items.filter((c) => !known.has(c.claimId))];
          shownRef.current = items.length;
          return { items, nextCursor: page.nextCursor ?? undefined };
        });
        setError(undefined);
      } catch (failure) {
        if (mine === generationRef.current) {
          setError(failure instanceof Error ? failure.message : String(failure));
        }
      } finally {
        if (mine === generationRef.current) setLoading(false);
      }
    })();
  }, [incidentId, cursor, count]);

  return { items: loaded.items, more: Boolean(cursor), loading, error, loadMore };
}
