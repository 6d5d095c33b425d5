import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClaimView } from '../api/api-types.js';
import { judgeClaim, type Judgement } from '../api/claims.js';

interface Props {
  incidentId: string;
  claim: ClaimView;
  /** Every claim of the incident, to choose the supporting or disputing one from. */
  claims: readonly ClaimView[];
  labelOf: (claimId: string) => string;
}

const WORDS: Record<Judgement, { verb: string; by: string; done: string }> = {
  support: { verb: 'Support', by: 'Supporting claim', done: 'Support recorded.' },
  dispute: { verb: 'Dispute', by: 'Disputing claim', done: 'Dispute recorded.' },
};

/**
 * A reporter's "support" and "dispute" of a claim by another claim, with an optional note. The
 * service decides: a refusal shows its problem detail; a success shows up through the live feed.
 */
export function ClaimActions({ incidentId, claim, claims, labelOf }: Props) {
  const [open, setOpen] = useState<Judgement | undefined>();
  const [byClaimId, setByClaimId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  // focus follows the form: into its first choice on open, back to the actions on close
  const choiceRef = useRef<HTMLSelectElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const wasOpenRef = useRef(false);
  useEffect(() => {
    if (open) choiceRef.current?.focus();
    else if (wasOpenRef.current) actionsRef.current?.querySelector('button')?.focus();
    wasOpenRef.current = Boolean(open);
  }, [open]);

  const start = (judgement: Judgement): void => {
    setOpen(judgement);
    setByClaimId('');
    setNote('');
    setRefusal(undefined);
    setDone(undefined);
  };
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!open || !byClaimId || busy) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      await judgeClaim(incidentId, claim.claimId, open, byClaimId, note);
      setDone(WORDS[open].done);
      setOpen(undefined);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="claim-actions" data-testid="claim-actions">
      {!open && (
        <div class="claim-action-buttons" ref={actionsRef}>
          {(['support', 'dispute'] as const).map((judgement) => (
            <button
              key={judgement}
              type="button"
              class="button button-small"
              data-testid={`claim-${judgement}-button`}
              onClick={() => start(judgement)}
            >
              {WORDS[judgement].verb}
              <span class="visually-hidden"> this claim</span>
            </button>
          ))}
          {done && (
            <span role="status" class="claim-action-done" data-testid="claim-action-done">
              {done}
            </span>
          )}
        </div>
      )}
      {open && (
        <form
          class="claim-judge-form"
          data-testid="claim-judge-form"
          data-judgement={open}
          onSubmit={(event) => void submit(event)}
        >
          <fieldset disabled={busy}>
            <legend>{WORDS[open].verb} this claim with another claim of the incident</legend>
            <label>
              {WORDS[open].by}
              <select
                ref={choiceRef}
                required
                value={byClaimId}
                data-testid="claim-judge-by"
                onChange={(event) => setByClaimId(event.currentTarget.value)}
              >
                <option value="">Choose a claim…</option>
                {claims
                  .filter((other) => other.claimId !== claim.claimId)
                  .map((other) => (
                    <option key={other.claimId} value={other.claimId} dir="auto">
                      {labelOf(other.claimId)}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              Note (optional)
              <input
                type="text"
                dir="auto"
                value={note}
                data-testid="claim-judge-note"
                onInput={(event) => setNote(event.currentTarget.value)}
              />
            </label>
            <div class="claim-judge-buttons">
              <button type="submit" class="button button-small" data-testid="claim-judge-submit">
                Record {open}
              </button>
              <button type="button" class="button button-small" onClick={() => setOpen(undefined)}>
                Cancel
              </button>
            </div>
          </fieldset>
          {refusal && (
            <p class="error" role="alert" data-testid="claim-judge-refusal">
              Refused: {refusal}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
