import { useState } from 'preact/hooks';
import { downloadCsv, type CsvExport } from '../api/desk-http.js';

const EXPORTS: { which: CsvExport; label: string }[] = [
  { which: 'claims', label: 'Claims (CSV)' },
  { which: 'casualties', label: 'Casualty figures (CSV)' },
];

/** The incident's exports, fetched with the token so they work when reads are private. */
export function DownloadButtons({ incidentId }: { incidentId: string }) {
  const [error, setError] = useState<string | undefined>();
  return (
    <div class="downloads" role="group" aria-label="Download">
      <span class="muted">Download:</span>
      {EXPORTS.map(({ which, label }) => (
        <button
          key={which}
          type="button"
          class="button button-small"
          data-testid={`download-${which}`}
          onClick={() => {
            setError(undefined);
            downloadCsv(incidentId, which).catch((failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
            );
          }}
        >
          {label}
        </button>
      ))}
      {error && (
        <p class="error" role="alert">
          Could not download: {error}
        </p>
      )}
    </div>
  );
}
