/** Casualty consolidation: per measure and group, each live claim's figure and the range across them. */
import { MEASURES } from './events.js';
import { sourceName } from './source-name.js';
import type { ClaimState } from './state.js';
import type { CasualtySourceView, CasualtyView } from './view-types.js';

/**
 * Every non-retracted casualties claim contributes its current figures (revisions and
 * corrections replace earlier ones). Rows are ordered by measure (killed, injured, missing),
 * then by the group's first appearance; sources by reportedAt, then by claim order.
 */
export function consolidateCasualties(claims: readonly ClaimState[]): CasualtyView[] {
  const rows = new Map<string, CasualtyView>();
  for (const claim of claims) {
    if (claim.kind !== 'casualties' || claim.state === 'retracted') continue;
    for (const figure of claim.figures ?? []) {
      const key = `${figure.measure}\u0000${figure.group}`;
      const row = rows.get(key) ?? {
        measure: figure.measure,
        group: figure.group,
        min: figure.min,
        max: figure.max,
        sources: [],
      };
      const source: CasualtySourceView = {
        claimId: claim.claimId,
        source: sourceName(claim.attribution),
        min: figure.min,
        max: figure.max,
        reportedAt: claim.reportedAt,
        ...(figure.wording !== undefined && { wording: figure.wording }),
      };
      row.sources.push(source);
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map(rangeOf)
    .sort((a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure));
}

function rangeOf(row: CasualtyView): CasualtyView {
  const sources = [...row.sources].sort(
    (a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt),
  );
  const min = Math.min(...sources.map((s) => s.min));
  const max = sources.some((s) => s.max === null)
    ? null
    : Math.max(...sources.map((s) => s.max ?? 0));
  return { ...row, min, max, sources };
}
