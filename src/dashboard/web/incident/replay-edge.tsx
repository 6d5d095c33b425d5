import type { ViewPoint } from '../api/api-types.js';
import { formatTime } from '../lib/format.js';

export type Edge = 'before' | 'past-end' | 'empty';

/** Which edge of the story a replay stands at, if any. */
export function edgeOf(
  point: ViewPoint,
  latest: number,
  notFound: boolean | undefined,
  claimCount: number | undefined,
): Edge | undefined {
  if (point.kind === 'live') return undefined;
  if (point.kind === 'revision' && point.revision > latest) return 'past-end';
  if (notFound) return point.kind === 'revision' ? 'past-end' : 'before';
  if (claimCount === 0) return 'empty';
  return undefined;
}

function words(edge: Edge, point: ViewPoint, latest: number): [string, string] {
  const at =
    point.kind === 'reportedBy'
      ? `reported by ${formatTime(point.at)}${point.asOf ? ` (as we knew it at ${formatTime(point.asOf)})` : ''}`
      : point.kind === 'asOf'
        ? `recorded by ${formatTime(point.at)}`
        : '';
  switch (edge) {
    case 'before':
      return ['Before the incident', `Nothing about this incident had been ${at}.`];
    case 'past-end':
      return [
        'Past the end of the replay',
        `This incident has ${latest + 1} recorded events (revisions 0 to ${latest}); there is no later step.`,
      ];
    case 'empty':
      return [
        'Empty replay',
        'At this point the incident was opened, but no claim had been reported yet.',
      ];
  }
}

/** What an edge view is, in words, instead of a header that would pass for the live story. */
export function ReplayEdge({
  edge,
  point,
  latest,
}: {
  edge: Edge;
  point: ViewPoint;
  latest: number;
}) {
  const [title, detail] = words(edge, point, latest);
  return (
    <section class="replay-edge" data-testid="replay-edge" data-edge={edge} role="status">
      {edge !== 'empty' && (
        <p class="breadcrumb">
          <a href="#/">← All incidents</a>
        </p>
      )}
      {edge === 'empty' ? <h2>{title}</h2> : <h1>{title}</h1>}
      <p>{detail}</p>
    </section>
  );
}
