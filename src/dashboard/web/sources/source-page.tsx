import { useEffect, useState } from 'preact/hooks';
import { listSourceClaims, type SourceClaim } from '../api/sources-http.js';
import { formatFigures, formatTime } from '../lib/format.js';
import { incidentHref } from '../shell/use-hash-route.js';

const errorText = (failure: unknown): string =>
  failure instanceof Error ? failure.message : String(failure);

/** One source's claims across incidents, in pages, each linking to its incident and claim. */
export function SourcePage({ kind, name }: { kind: string; name: string }) {
  const [items, setItems] = useState<SourceClaim[]>([]);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    document.title = `${name} · Sources · storyline`;
    let current = true;
    setItems([]);
    setLoading(true);
    setError(undefined);
    listSourceClaims(kind, name)
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor ?? undefined);
      })
      .catch((failure: unknown) => current && setError(errorText(failure)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [kind, name]);

  const loadMore = (): void => {
    if (!nextCursor) return;
    listSourceClaims(kind, name, nextCursor)
      .then((page) => {
        setItems((shown) => [...shown, ...page.items]);
        setNextCursor(page.nextCursor ?? undefined);
      })
      .catch((failure: unknown) => setError(errorText(failure)));
  };

  return (
    <section class="source-page" aria-labelledby="source-heading" data-testid="source-page">
      <p class="breadcrumb">
        <a href="#/sources">← All sources</a>
      </p>
      <h1 id="source-heading">
        <span dir="auto">{name}</span> <span class="badge badge-kind">{kind}</span>
      </h1>
      {error && (
        <p class="error" role="alert">
          Could not load the claims: {error}
        </p>
      )}
      {!loading && !error && items.length === 0 && <p class="muted">No claim names it.</p>}
      <ol class="source-claims" data-testid="source-claims" aria-busy={loading}>
        {items.map(({ incidentId, claim }) => (
          <li
            key={`${incidentId}|${claim.claimId}`}
            class={`source-claim claim-${claim.state}`}
            data-testid="source-claim"
            data-incident-id={incidentId}
            data-claim-id={claim.claimId}
          >
            <p class="source-claim-content" dir="auto">
              {claim.kind === 'statement' ? claim.text : formatFigures(claim.figures)}
            </p>
            <p class="source-claim-meta muted">
              <span class={`badge state-${claim.state}`}>{claim.state}</span>{' '}
              <span dir="auto">{claim.source}</span> · reported{' '}
              <time dateTime={claim.reportedAt}>{formatTime(claim.reportedAt)}</time> ·{' '}
              <a href={incidentHref(incidentId)} data-testid="source-claim-incident">
                in <code>{incidentId}</code>
              </a>{' '}
              ·{' '}
              <a
                href={incidentHref(incidentId, new URLSearchParams({ claim: claim.claimId }))}
                data-testid="source-claim-link"
              >
                go to the claim
              </a>
            </p>
          </li>
        ))}
      </ol>
      {nextCursor && (
        <button type="button" class="button" data-testid="source-claims-more" onClick={loadMore}>
          Show more claims
        </button>
      )}
    </section>
  );
}
