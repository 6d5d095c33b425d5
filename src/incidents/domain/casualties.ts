/**
 * Casualty consolidation: per measure and group, each live claim's figure, the range across them,
 * the range across the undisputed ones and the desk's latest assessment.
 */
import { MEASURES } from './events.js';
import { sourceName } from './source-name.js';
import type { ClaimState } from './state.js';
import type {
  CasualtyAssessment,
  CasualtyRangeValue,
  CasualtySourceView,
  CasualtyView,
} from './view-types.js';

/** Groups match case-insensitively with surrounding space trimmed ("Civilians" = "civilians "). */
export function groupKey({ measure, group }: { measure: string; group: string }): string {
  return `${measure}\u0000${group.trim().toLowerCase()}`;
}

/** Lowest min and highest max (null when any has no upper bound); null for no ranges. */
export function rangeAcross(
  ranges: readonly { min: number; max: number | null }[],
): CasualtyRangeValue | null {
  if (ranges.length === 0) return null;
  let min = Infinity;
  let max: number | null = -Infinity;
  for (const range of ranges) {
    min = Math.min(min, range.min);
    max = max === null || range.max === null ? null : Math.max(max, range.max);
  }
  return { min, max };
}

type Row = { view: CasualtyView; disputed: Set<CasualtySourceView> };

/**
 * Every non-retracted casualties claim contributes its current figures (revisions and
 * corrections replace earlier ones). Rows are ordered by measure (killed, injured, missing),
 * then by the group's first appearance, whose spelling they show; sources by reportedAt, then
 * by claim order. `undisputed` leaves out the claims a live claim disputes.
 */
export function consolidateCasualties(
  claims: readonly ClaimState[],
  assessments: readonly CasualtyAssessment[] = [],
): CasualtyView[] {
  const rows = new Map<string, Row>();
  for (const claim of claims) {
    if (claim.kind !== 'casualties' || claim.state === 'retracted') continue;
    for (const figure of claim.figures ?? []) {
      const key = groupKey(figure);
      const row = rows.get(key) ?? {
        view: {
          measure: figure.measure,
          group: figure.group,
          min: figure.min,
          max: figure.max,
          sources: [],
          undisputed: null,
          assessment: null,
        },
        disputed: new Set(),
      };
      const source: CasualtySourceView = {
        claimId: claim.claimId,
        source: sourceName(claim.attribution),
        min: figure.min,
        max: figure.max,
        reportedAt: claim.reportedAt,
        ...(figure.wording !== undefined && { wording: figure.wording }),
      };
      row.view.sources.push(source);
      if (claim.flags.includes('disputed')) row.disputed.add(source);
      rows.set(key, row);
    }
  }
  const latest = new Map(assessments.map((a) => [groupKey(a), a]));
  return [...rows]
    .map(([key, row]) => rangeOf(row, latest.get(key) ?? null))
    .sort((a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure));
}

function rangeOf({ view, disputed }: Row, assessment: CasualtyAssessment | null): CasualtyView {
  const sources = [...view.sources].sort(
    (a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt),
  );
  const range = rangeAcross(sources) ?? { min: 0, max: null };
  const undisputed = rangeAcross(sources.filter((source) => !disputed.has(source)));
  return { ...view, ...range, sources, undisputed, assessment };
}
