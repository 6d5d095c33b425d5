import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ClaimView, IncidentView } from '../api/api-types.js';
import type { ClaimFilter } from '../api/claims.js';
import type { ClaimChange } from '../lib/claim-changes.js';
import { ClaimActions } from './claim-actions.js';
import { ClaimCard } from './claim-card.js';
import { ClaimsFilter } from './claims-filter.js';
import { useClaimPages } from './use-claim-pages.js';
import { useToken } from './use-token.js';
import { WriteTokenForm } from './write-token-form.js';

interface Props {
  incidentId: string;
  /** The view shown: live, or the replayed one. */
  view: IncidentView;
  live: boolean;
  changes: ReadonlyMap<string, ClaimChange>;
  onHistory: (claimId: string) => void;
}

/**
 * "Source: “the first 60 characters…”", to name another claim in a link or a choice; a retracted
 * claim says so (it no longer supports or disputes anything).
 */
function labelFor(claim: ClaimView | undefined, claimId: string): string {
  if (!claim) return claimId;
  const excerpt = claim.text
    ? `: “${claim.text.slice(0, 60)}${claim.text.length > 60 ? '…' : ''}”`
    : '';
  return `${claim.source}${excerpt}${claim.state === 'retracted' ? ' (retracted)' : ''}`;
}

/**
 * The incident's claims. Live, they come through GET /incidents/:id/claims, filtered and a page at
 * a time, so a 10,000-claim incident stays usable, and each card shows the claim as the live view
 * has it; a reporter with a token can support or dispute them. In a replay, every claim of the
 * replayed view is shown, as it stood.
 */
export function ClaimsSection({ incidentId, view, live, changes, onHistory }: Props) {
  const [filter, setFilter] = useState<ClaimFilter>({});
  const [pinned, setPinned] = useState<string | undefined>();
  const token = useToken();
  const pages = useClaimPages(incidentId, filter, view.revision, live);
  const byId = useMemo(
    () => new Map(view.claims.map((claim) => [claim.claimId, claim])),
    [view.claims],
  );
  const labelOf = (claimId: string): string => labelFor(byId.get(claimId), claimId);

  // live, the view's copy of a listed claim is the freshest one (the feed keeps it current)
  const shown: ClaimView[] = live
    ? pages.items.map((claim) => byId.get(claim.claimId) ?? claim)
    : view.claims;
  const pinnedClaim = pinned ? byId.get(pinned) : undefined;

  useEffect(() => {
    if (!pinned) return;
    const target = document.getElementById(`pinned-claim-${pinned}`);
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target?.focus({ preventScroll: true });
  }, [pinned]);

  // a claim not among those shown (filtered out, or on a later page) is pinned above the list
  const goToClaim = (claimId: string): void => {
    const target = document.getElementById(`claim-${claimId}`);
    if (!target) {
      setPinned(claimId);
      return;
    }
    setPinned(undefined);
    target.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target.focus({ preventScroll: true });
  };

  const card = (claim: ClaimView, anchor?: string) => (
    <ClaimCard
      key={claim.claimId}
      claim={claim}
      anchor={anchor}
      change={changes.get(claim.claimId)}
      live={live}
      labelOf={labelOf}
      onGoToClaim={goToClaim}
      onHistory={onHistory}
      actions={
        // a judgement needs a live claim and another claim to judge it by
        live &&
        token &&
        claim.state !== 'retracted' &&
        view.claims.length > 1 && (
          <ClaimActions
            incidentId={incidentId}
            claim={claim}
            claims={view.claims}
            labelOf={labelOf}
          />
        )
      }
    />
  );

  const filtering = Object.keys(filter).length > 0;
  return (
    <section
      class="claims"
      aria-labelledby="claims-heading"
      aria-busy={live && pages.loading ? 'true' : undefined}
      data-testid="claims"
      data-loading={live && pages.loading ? 'true' : 'false'}
    >
      <h2 id="claims-heading">Claims ({view.claims.length})</h2>
      {live && <WriteTokenForm token={token} />}
      {live && view.claims.length > 0 && <ClaimsFilter filter={filter} onChange={setFilter} />}
      {pinnedClaim && (
        <div class="claim-pinned" data-testid="claim-pinned">
          <p class="claim-pinned-heading">
            <span>Linked claim, not in the list below</span>
            <button type="button" class="button button-small" onClick={() => setPinned(undefined)}>
              Close<span class="visually-hidden"> the linked claim</span>
            </button>
          </p>
          {card(pinnedClaim, `pinned-claim-${pinnedClaim.claimId}`)}
        </div>
      )}
      {live && pages.error && (
        <p class="error" role="alert">
          Could not load the claims: {pages.error}
        </p>
      )}
      {view.claims.length === 0 && <p class="muted">No claim reported yet.</p>}
      {live && filtering && !pages.loading && shown.length === 0 && (
        <p class="muted" data-testid="claims-none">
          No claim matches the filter.
        </p>
      )}
      {shown.map((claim) => card(claim))}
      {live && shown.length > 0 && (
        <p class="claims-more" data-testid="claims-count" data-shown={shown.length}>
          <span aria-live="polite">
            Showing {shown.length}
            {filtering ? ' matching' : ` of ${view.claims.length}`}{' '}
            {shown.length === 1 ? 'claim' : 'claims'}
          </span>
          {pages.more && (
            <button
              type="button"
              class="button"
              data-testid="claims-more"
              disabled={pages.loading}
              onClick={pages.loadMore}
            >
              Show more claims
            </button>
          )}
        </p>
      )}
    </section>
  );
}
