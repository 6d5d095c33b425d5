import { useState } from 'preact/hooks';
import type { CasualtyView } from '../api/api-types.js';
import { postAssessment } from '../api/desk-http.js';
import { forgetToken, saveReadToken } from '../api/read-token.js';
import { formatRange } from '../lib/format.js';
import { TokenField } from '../shell/token-field.js';
import { useToken } from './use-token.js';

interface Props {
  incidentId: string;
  line: CasualtyView;
}

const wholeNumber = (text: string): number | undefined =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;

/**
 * The claims to choose from: the line's live figures, and any ticked claim that has since left
 * the line (retracted while the form was open), still ticked and saying so, to be unticked.
 */
function choices(line: CasualtyView, basis: ReadonlySet<string>) {
  const live = line.sources.map((source) => ({
    claimId: source.claimId,
    label: `${source.source}: ${formatRange(source.min, source.max)}`,
  }));
  const gone = [...basis]
    .filter((claimId) => !line.sources.some((source) => source.claimId === claimId))
    .map((claimId) => ({ claimId, label: `${claimId} (no longer a live figure)` }));
  return [...live, ...gone];
}

/**
 * Where an editor gives the page a token to record assessments: once for the whole panel (the
 * same tab-only token private reads and the claims' actions use).
 */
export function AssessmentTokenForm() {
  const [tokenText, setTokenText] = useState('');
  return (
    <form
      class="assessment-token"
      data-testid="assessment-token-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!tokenText.trim()) return;
        saveReadToken(tokenText);
        setTokenText('');
      }}
    >
      <TokenField
        label="Editor token, to record the desk’s assessment"
        testId="assessment-token-input"
        value={tokenText}
        onInput={setTokenText}
      />
      <button type="submit" class="button button-small">
        Use token
      </button>
    </form>
  );
}

/**
 * The desk's low / best / high for one measure and group, resting on claims chosen from the
 * line's figures. Editors only: the service refuses other tokens (403), and the form shows why.
 */
export function AssessmentForm({ incidentId, line }: Props) {
  const token = useToken();
  const [low, setLow] = useState('');
  const [best, setBest] = useState('');
  const [high, setHigh] = useState('');
  const [basis, setBasis] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();

  if (!token) return null;

  const toggle = (claimId: string, on: boolean): void => {
    const next = new Set(basis);
    if (on) next.add(claimId);
    else next.delete(claimId);
    setBasis(next);
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const values = { low: wholeNumber(low), best: wholeNumber(best) };
    const upper = high.trim() === '' ? null : wholeNumber(high);
    if (values.low === undefined || values.best === undefined || upper === undefined) {
      setOutcome({
        ok: false,
        text: 'Low, best and high must be whole numbers (high may be empty).',
      });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const written = await postAssessment(incidentId, {
        measure: line.measure,
        group: line.group,
        low: values.low,
        best: values.best,
        high: upper,
        basis: [...basis],
        reason: reason.trim(),
      });
      setOutcome({ ok: true, text: `Assessment recorded (revision ${written.revision}).` });
    } catch (failure: unknown) {
      setOutcome({ ok: false, text: failure instanceof Error ? failure.message : String(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="assessment-editor" data-testid="assessment-editor">
      <summary>Record the desk’s assessment</summary>
      <form
        class="assessment-form"
        data-testid="assessment-form"
        onSubmit={(event) => void submit(event)}
      >
        <div class="assessment-numbers">
          <label>
            Low
            <input
              inputMode="numeric"
              required
              value={low}
              data-testid="assessment-low"
              onInput={(event) => setLow(event.currentTarget.value)}
            />
          </label>
          <label>
            Best
            <input
              inputMode="numeric"
              required
              value={best}
              data-testid="assessment-best"
              onInput={(event) => setBest(event.currentTarget.value)}
            />
          </label>
          <label>
            <span>
              High <span class="muted">(blank: no upper bound)</span>
            </span>
            <input
              inputMode="numeric"
              value={high}
              data-testid="assessment-high"
              onInput={(event) => setHigh(event.currentTarget.value)}
            />
          </label>
        </div>
        <fieldset class="assessment-basis">
          <legend>Based on</legend>
          {choices(line, basis).map((choice) => (
            <label key={choice.claimId} class="assessment-claim">
              <input
                type="checkbox"
                value={choice.claimId}
                checked={basis.has(choice.claimId)}
                data-testid="assessment-basis"
                onChange={(event) => toggle(choice.claimId, event.currentTarget.checked)}
              />
              <span dir="auto">{choice.label}</span>
            </label>
          ))}
        </fieldset>
        <label class="assessment-reason">
          Reason
          <textarea
            required
            rows={2}
            value={reason}
            dir="auto"
            data-testid="assessment-reason"
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </label>
        <div class="assessment-actions">
          <button type="submit" class="button" disabled={busy}>
            Record assessment
          </button>
          <button
            type="button"
            class="link-button"
            data-testid="assessment-forget-token"
            onClick={() => {
              forgetToken();
              setOutcome(undefined);
            }}
          >
            Use another token
          </button>
        </div>
        {outcome && (
          <p
            class={outcome.ok ? 'assessment-done' : 'error'}
            role={outcome.ok ? 'status' : 'alert'}
            data-testid={outcome.ok ? 'assessment-done' : 'assessment-error'}
          >
            {outcome.text}
          </p>
        )}
      </form>
    </details>
  );
}
