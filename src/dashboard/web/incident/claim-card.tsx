import type { ComponentChildren } from 'preact';
import type { ClaimView } from '../api/api-types.js';
import type { ClaimChange } from '../lib/claim-changes.js';
import { formatFigure, formatTime } from '../lib/format.js';
import { AttributionChain } from './attribution-chain.js';
import { ClaimNotes } from './claim-notes.js';

interface Props {
  claim: ClaimView;
  change?: ClaimChange;
  /** Live, a change is the latest update; in a replay, it is what this step changed. */
  live: boolean;
  labelOf: (claimId: string) => string;
  onGoToClaim: (claimId: string) => void;
  onHistory: (claimId: string) => void;
  /** The element id, `claim-<claimId>` unless the card is shown a second time (pinned). */
  anchor?: string;
  /** A reporter's actions on the claim (support, dispute), when the tab has a token. */
  actions?: ComponentChildren;
}

const GRADE_WORDS: Record<ClaimView['corroboration']['grade'], string> = {
  corroborated: 'corroborated',
  'single-source': 'single source',
  contested: 'contested',
  retracted: 'retracted',
};

/** One claim: who said it (the chain), what, when, its state at a glance, and its audit. */
export function ClaimCard({
  claim,
  change,
  live,
  labelOf,
  onGoToClaim,
  onHistory,
  anchor = `claim-${claim.claimId}`,
  actions,
}: Props) {
  const { grade, independentSources } = claim.corroboration;
  const retracted = claim.state === 'retracted';
  const content =
    claim.kind === 'casualties' ? (
      <ul class="claim-figures">
        {(claim.figures ?? []).map((figure) => (
          <li key={`${figure.measure}|${figure.group}`}>{formatFigure(figure)}</li>
        ))}
      </ul>
    ) : (
      <p class="claim-text" dir="auto">
        {claim.quoted === 'verbatim' ? `“${claim.text ?? ''}”` : claim.text}
      </p>
    );
  return (
    <article
      id={anchor}
      tabIndex={-1}
      class={`claim claim-${claim.state}${change ? ` claim-${change}` : ''}`}
      data-testid="claim"
      data-claim-id={claim.claimId}
      data-state={claim.state}
      data-flags={claim.flags.join(' ')}
      data-change={change ?? ''}
      data-grade={grade}
      aria-labelledby={`${anchor}-source`}
    >
      <header class="claim-header">
        <h3 class="visually-hidden" id={`${anchor}-source`}>
          {claim.kind === 'casualties' ? 'Casualty figures' : 'Statement'} from {claim.source}
        </h3>
        <AttributionChain chain={claim.attribution} />
        <div class="claim-badges">
          {claim.state !== 'active' && (
            <span class={`badge badge-state state-${claim.state}`} data-testid="claim-state">
              {claim.state}
            </span>
          )}
          {/* every other state that applies too: disputed and corrected and revised */}
          {claim.flags
            .filter((flag) => flag !== claim.state)
            .map((flag) => (
              <span
                key={flag}
                class={`badge badge-flag state-${flag}`}
                data-testid="claim-flag"
                data-flag={flag}
              >
                {flag}
              </span>
            ))}
          {change && (
            <span class="badge badge-change" data-testid="claim-change">
              {live
                ? change === 'new'
                  ? 'just reported'
                  : 'just changed'
                : change === 'new'
                  ? 'new at this step'
                  : 'changed at this step'}
            </span>
          )}
        </div>
      </header>
      {retracted ? (
        <del class="claim-content">{content}</del>
      ) : (
        <div class="claim-content">{content}</div>
      )}
      <p class="claim-corroboration" data-testid="claim-corroboration">
        <span class={`badge badge-grade grade-${grade}`} data-testid="claim-grade">
          {GRADE_WORDS[grade]}
        </span>{' '}
        <span data-testid="claim-sources" data-count={independentSources}>
          {independentSources} independent {independentSources === 1 ? 'source' : 'sources'}
        </span>
      </p>
      <ClaimNotes claim={claim} labelOf={labelOf} onGoToClaim={onGoToClaim} />
      <footer class="claim-footer">
        {claim.topic && <span class="badge badge-topic">{claim.topic}</span>}
        {claim.kind === 'casualties' && <span class="badge badge-topic">casualties</span>}
        <span>
          Reported <time dateTime={claim.reportedAt}>{formatTime(claim.reportedAt)}</time>
          {claim.firstReportedAt !== claim.reportedAt && (
            <> (first {formatTime(claim.firstReportedAt)})</>
          )}
        </span>
        <button
          type="button"
          class="button button-small"
          data-testid="claim-history-button"
          onClick={() => onHistory(claim.claimId)}
        >
          History<span class="visually-hidden"> of this claim</span> ({claim.versions}{' '}
          {claim.versions === 1 ? 'version' : 'versions'})
        </button>
      </footer>
      {actions}
    </article>
  );
}
