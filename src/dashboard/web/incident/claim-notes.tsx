import type { ClaimView } from '../api/api-types.js';
import { formatChain, formatTime } from '../lib/format.js';

interface Props {
  claim: ClaimView;
  /** A short label of another claim, to name the claim that disputes this one. */
  labelOf: (claimId: string) => string;
  onGoToClaim: (claimId: string) => void;
}

/**
 * Why the claim is in its state: the source's revision note, our correction, the claims that
 * dispute or support it (each a link to that claim), its retraction.
 */
export function ClaimNotes({ claim, labelOf, onGoToClaim }: Props) {
  return (
    <div class="claim-notes">
      {claim.retraction && (
        <p class="note note-retracted" data-testid="claim-retraction">
          <strong>Retracted</strong> by {formatChain(claim.retraction.attribution)} on{' '}
          {formatTime(claim.retraction.reportedAt)}:{' '}
          <span dir="auto">{claim.retraction.reason}</span>
        </p>
      )}
      {claim.correction && (
        <p class="note note-corrected" data-testid="claim-correction">
          <strong>Corrected</strong> by {claim.correction.by} on{' '}
          {formatTime(claim.correction.recordedAt)}:{' '}
          <span dir="auto">{claim.correction.reason}</span>
        </p>
      )}
      {claim.revisionNote && (
        <p class="note note-revised" data-testid="claim-revision-note">
          <strong>Revised by the source:</strong> <span dir="auto">{claim.revisionNote}</span>
        </p>
      )}
      {claim.disputes.map((dispute) => (
        <Judgement
          key={`d-${dispute.byClaimId}-${dispute.recordedAt}`}
          kind="disputed"
          judgement={dispute}
          labelOf={labelOf}
          onGoToClaim={onGoToClaim}
        />
      ))}
      {claim.supports.map((support) => (
        <Judgement
          key={`s-${support.byClaimId}-${support.recordedAt}`}
          kind="supported"
          judgement={support}
          labelOf={labelOf}
          onGoToClaim={onGoToClaim}
        />
      ))}
    </div>
  );
}

interface JudgementProps {
  kind: 'disputed' | 'supported';
  /** A dispute or a support: the other claim, its note and times. */
  judgement: ClaimView['disputes'][number];
  labelOf: (claimId: string) => string;
  onGoToClaim: (claimId: string) => void;
}

/** "Disputed by <claim>" or "Supported by <claim>", when, and the note. */
function Judgement({ kind, judgement, labelOf, onGoToClaim }: JudgementProps) {
  const testId = kind === 'disputed' ? 'claim-dispute' : 'claim-support';
  return (
    <p class={`note note-${kind}`} data-testid={testId} data-by-claim-id={judgement.byClaimId}>
      <strong>{kind === 'disputed' ? 'Disputed' : 'Supported'}</strong> by{' '}
      <button
        type="button"
        class="link-button"
        data-testid={`${testId}-link`}
        dir="auto"
        onClick={() => onGoToClaim(judgement.byClaimId)}
      >
        {labelOf(judgement.byClaimId)}
      </button>
      {judgement.reportedAt && <> on {formatTime(judgement.reportedAt)}</>}
      {judgement.note && (
        <>
          : <span dir="auto">{judgement.note}</span>
        </>
      )}
    </p>
  );
}
