/**
 * The replay's two ways of stepping: through revisions (the log as recorded), or through world
 * time (each distinct reportedAt: the story as it was reported), and what each step is called.
 */
import type { ViewPoint } from '../api/api-types.js';
import { formatTime } from '../lib/format.js';

export type StepBy = 'revision' | 'world';

/** The index of the latest world time at or before the point's, or -1 before the first. */
export function worldStepOf(times: readonly string[], at: string): number {
  const limit = Date.parse(at);
  let index = -1;
  times.forEach((time, i) => {
    if (Date.parse(time) <= limit) index = i;
  });
  return index;
}

/** The words over the replay: which clock(s) it follows, and where it stands. */
export function describePoint(point: ViewPoint, latest: number, times: readonly string[]): string {
  switch (point.kind) {
    case 'live':
      return 'Live: the story as it stands now';
    case 'revision':
      return `Replay by revision: step ${point.revision} of ${latest} (as recorded)`;
    case 'asOf':
      return `As storyline knew it at ${formatTime(point.at)}`;
    case 'reportedBy': {
      const step = worldStepOf(times, point.at);
      const where = step >= 0 ? ` (world time ${step + 1} of ${times.length})` : '';
      const known = point.asOf ? `, as we knew it at ${formatTime(point.asOf)}` : '';
      return `Replay by world time: As reported by ${formatTime(point.at)}${known}${where}`;
    }
  }
}
