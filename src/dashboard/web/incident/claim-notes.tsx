import type { ClaimView } from '../api/api-types.js';
import { formatChain, formatTime } from '../lib/format.js';

interface Props {
  claim: ClaimView;
  /** A short label of another claim, to name the claim that disputes this one. */
  labelOf: (claimId: string) => string;
  onGoToClaim: (claimId: string) => void;
}

/** Why the claim is in its state: the source's revision note, our correction, disputes, retraction. */
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
        <p
          key={`${dispute.byClaimId}-${dispute.recordedAt}`}
          class="note note-disputed"
          data-testid="claim-dispute"
        >
          <strong>Disputed</strong> by{' '}
          <button
            type="button"
            class="link-button"
            data-testid="claim-dispute-link"
            onClick={() => onGoToClaim(dispute.byClaimId)}
          >
            {labelOf(dispute.byClaimId)}
          </button>
          {dispute.reportedAt && <> on {formatTime(dispute.reportedAt)}</>}
          {dispute.note && (
            <>
              : <span dir="auto">{dispute.note}</span>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
