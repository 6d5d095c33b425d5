import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClaimHistory } from '../api/api-types.js';
import { getClaimHistory } from '../api/http.js';
import { diffClaim } from '../lib/claim-changes.js';
import { fieldLabel, formatField } from '../lib/claim-fields.js';
import { formatTime } from '../lib/format.js';
import { eventLabel } from '../lib/timeline-events.js';

interface Props {
  incidentId: string;
  claimId: string;
  onClose: () => void;
}

/** The audit of one claim: each version, who recorded it and when, and what changed. */
export function HistoryDialog({ incidentId, claimId, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [history, setHistory] = useState<ClaimHistory | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    let current = true;
    setHistory(undefined);
    getClaimHistory(incidentId, claimId)
      .then((loaded) => current && setHistory(loaded))
      .catch(
        (failure: unknown) =>
          current && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    return () => {
      current = false;
    };
  }, [incidentId, claimId]);

  const versions = history?.versions ?? [];
  return (
    <dialog
      ref={dialog}
      class="history"
      aria-labelledby="history-heading"
      data-testid="history-dialog"
      onClose={onClose}
    >
      <div class="history-heading">
        <h2 id="history-heading">History of the claim</h2>
        <button
          type="button"
          class="button"
          data-testid="history-close"
          onClick={() => dialog.current?.close()}
        >
          Close
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          Could not load the history: {error}
        </p>
      )}
      {!history && !error && <p class="muted">Loading…</p>}
      <ol class="history-versions">
        {versions.map((version, index) => {
          const changes = diffClaim(versions[index - 1]?.claim, version.claim);
          return (
            <li
              key={version.eventId}
              class="history-version"
              data-testid="history-version"
              data-revision={version.revision}
              data-type={version.type}
            >
              <h3>
                Version {index + 1}: {eventLabel(version.type)}
              </h3>
              <p class="history-meta">
                Recorded <time dateTime={version.recordedAt}>{formatTime(version.recordedAt)}</time>{' '}
                by <strong data-testid="history-recorded-by">{version.recordedBy}</strong>
                {version.reportedAt && <> · reported {formatTime(version.reportedAt)}</>} · revision{' '}
                {version.revision}
              </p>
              <table class="history-changes">
                <caption class="visually-hidden">What changed in version {index + 1}</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.field} data-testid="history-change" data-field={change.field}>
                      <th scope="row">{fieldLabel(change.field)}</th>
                      <td class="before">
                        {index === 0 ? '—' : formatField(change.field, change.before)}
                      </td>
                      <td class="after">{formatField(change.field, change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ol>
    </dialog>
  );
}
