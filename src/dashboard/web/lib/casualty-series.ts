import type { Figure, Measure, TimelineEntry } from '../api/api-types.js';
import { eventOf } from './timeline-events.js';

export interface SeriesPoint {
  /** Reported time, ms since the epoch. */
  x: number;
  y: number;
  max: number | null;
  wording?: string;
}

/** How one source's figure for one measure and group evolved over reported time. */
export interface CasualtySeries {
  key: string;
  claimId: string;
  source: string;
  measure: Measure;
  group: string;
  points: SeriesPoint[];
  retracted: boolean;
}

/**
 * Builds each source's series from the timeline (oldest first): reports and source revisions add
 * a point at their reported time; our corrections fix the latest point; a retraction ends it.
 */
export function buildCasualtySeries(entries: readonly TimelineEntry[]): CasualtySeries[] {
  const series = new Map<string, CasualtySeries>();
  const sources = new Map<string, string>();
  const lastReported = new Map<string, number>();
  const ordered = [...entries].sort((a, b) => a.revision - b.revision);

  const add = (claimId: string, figures: readonly Figure[], x: number, fix: boolean): void => {
    for (const figure of figures) {
      const key = `${claimId}|${figure.measure}|${figure.group}`;
      let line = series.get(key);
      if (!line) {
        line = {
          key,
          claimId,
          source: sources.get(claimId) ?? claimId,
          measure: figure.measure,
          group: figure.group,
          points: [],
          retracted: false,
        };
        series.set(key, line);
      }
      const point = { x, y: figure.min, max: figure.max, wording: figure.wording };
      if (fix && line.points.length > 0) line.points[line.points.length - 1] = point;
      else line.points.push(point);
    }
  };

  for (const entry of ordered) {
    const event = eventOf(entry);
    switch (event.type) {
      case 'CasualtyFiguresReported': {
        const at = Date.parse(event.data.reportedAt);
        // The original speaker names the line; the full chain is on the claim card.
        sources.set(event.data.claimId, event.data.attribution[0]?.name ?? event.data.claimId);
        lastReported.set(event.data.claimId, at);
        add(event.data.claimId, event.data.figures, at, false);
        break;
      }
      case 'ClaimRevisedBySource':
        if (event.data.figures && sources.has(event.data.claimId)) {
          const at = Date.parse(event.data.reportedAt);
          lastReported.set(event.data.claimId, at);
          add(event.data.claimId, event.data.figures, at, false);
        }
        break;
      case 'ClaimCorrected': {
        const at = lastReported.get(event.data.claimId);
        if (event.data.figures && at !== undefined)
          add(event.data.claimId, event.data.figures, at, true);
        break;
      }
      case 'ClaimRetracted':
        for (const line of series.values()) {
          if (line.claimId === event.data.claimId) line.retracted = true;
        }
        break;
      default:
        break;
    }
  }
  for (const line of series.values()) line.points.sort((a, b) => a.x - b.x);
  return [...series.values()];
}
