/**
 * The list summary's casualty ranges of one incident, kept in memory beside the writer's fold:
 * every live figure by measure and group, so a batch sums up only the groups it changed instead
 * of reading every figure of the incident back from its rows.
 */
import { groupKey } from '../domain/casualties.js';
import { MEASURES, type Measure } from '../domain/events.js';
import type { CasualtyRange } from '../wire/incident-summary.js';

/** One live figure: its place (claim, then figure within the claim) and its bounds. */
export interface FigureRow {
  claimSeq: number;
  figure: number;
  measure: Measure;
  group: string;
  min: number;
  max: number | null;
}

interface Group {
  measure: Measure;
  group: string;
  figures: Map<number, FigureRow>;
  range?: { first: number; min: number; max: number | null };
}

const placeOf = (row: FigureRow) => row.claimSeq * 65_536 + row.figure;

export class CasualtyTotals {
  private readonly groups = new Map<string, Group>();
  /** The group keys each claim's live figures are in. */
  private readonly byClaim = new Map<number, FigureRow[]>();

  constructor(rows: Iterable<FigureRow> = []) {
    for (const row of rows) this.add(row);
  }

  /** Replaces a claim's live figures (none once retracted). */
  replace(claimSeq: number, rows: readonly FigureRow[]): void {
    for (const old of this.byClaim.get(claimSeq) ?? []) {
      const group = this.groups.get(keyOf(old));
      if (!group) continue;
      group.figures.delete(placeOf(old));
      group.range = undefined;
      if (group.figures.size === 0) this.groups.delete(keyOf(old));
    }
    this.byClaim.delete(claimSeq);
    for (const row of rows) this.add(row);
  }

  /** Ranges by measure, then by the group's first appearance (as the view orders them). */
  ranges(): CasualtyRange[] {
    const ranged = [...this.groups.values()].map((group) => ({ group, range: rangeOf(group) }));
    return ranged
      .sort(
        (a, b) =>
          MEASURES.indexOf(a.group.measure) - MEASURES.indexOf(b.group.measure) ||
          a.range.first - b.range.first,
      )
      .map(({ group, range }) => ({
        measure: group.measure,
        group: group.group,
        min: range.min,
        max: range.max,
      }));
  }

  private add(row: FigureRow): void {
    const key = keyOf(row);
    let group = this.groups.get(key);
    if (!group) {
      group = { measure: row.measure, group: row.group, figures: new Map() };
      this.groups.set(key, group);
    }
    group.figures.set(placeOf(row), row);
    group.range = undefined;
    const rows = this.byClaim.get(row.claimSeq);
    if (rows) rows.push(row);
    else this.byClaim.set(row.claimSeq, [row]);
  }
}

/** Groups match as the view's casualties do (case-insensitive, trimmed). */
const keyOf = (row: { measure: string; group: string }) => groupKey(row);

/** Summed up again only after the group changed. */
function rangeOf(group: Group): NonNullable<Group['range']> {
  if (group.range) return group.range;
  let first = Infinity;
  let min = Infinity;
  let max: number | null = -Infinity;
  for (const [place, row] of group.figures) {
    first = Math.min(first, place);
    min = Math.min(min, row.min);
    max = max === null || row.max === null ? null : Math.max(max, row.max);
  }
  group.range = { first, min, max };
  return group.range;
}
