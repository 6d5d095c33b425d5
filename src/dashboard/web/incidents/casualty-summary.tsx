import type { CasualtyRange, CasualtyView } from '../api/api-types.js';
import { formatRange } from '../lib/format.js';

/** "killed 1–6 (pro-government militia)" for each consolidated range, or nothing. */
export function CasualtySummary({
  casualties,
}: {
  casualties?: Array<CasualtyRange | CasualtyView>;
}) {
  if (!casualties || casualties.length === 0) {
    return <span class="muted">No casualty figures</span>;
  }
  return (
    <ul class="casualty-summary" aria-label="Casualties" data-testid="incident-casualties">
      {casualties.map((line) => (
        <li key={`${line.measure}|${line.group}`}>
          <strong>{formatRange(line.min, line.max)}</strong> {line.measure}{' '}
          <span class="muted">({line.group})</span>
        </li>
      ))}
    </ul>
  );
}
