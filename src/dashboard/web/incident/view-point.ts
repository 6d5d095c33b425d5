import type { TimelineEntry, ViewPoint } from '../api/api-types.js';
import { worldKeys } from '../lib/world-time.js';

const isTime = (value: string | null): value is string =>
  value !== null && value !== '' && !Number.isNaN(Date.parse(value));

/** The view point named by the route's query (`revision`, `asOf` or `reportedBy`), else live. */
export function viewPointFrom(params: URLSearchParams): ViewPoint {
  const revision = params.get('revision');
  if (revision !== null && /^\d+$/.test(revision)) {
    return { kind: 'revision', revision: Number(revision) };
  }
  const asOf = params.get('asOf');
  const reportedBy = params.get('reportedBy');
  if (isTime(reportedBy)) {
    return isTime(asOf)
      ? { kind: 'reportedBy', at: reportedBy, asOf }
      : { kind: 'reportedBy', at: reportedBy };
  }
  if (isTime(asOf)) return { kind: 'asOf', at: asOf };
  return { kind: 'live' };
}

export function paramsOf(point: ViewPoint): URLSearchParams {
  const params = new URLSearchParams();
  if (point.kind === 'revision') params.set('revision', String(point.revision));
  if (point.kind === 'asOf') params.set('asOf', point.at);
  if (point.kind === 'reportedBy') {
    params.set('reportedBy', point.at);
    if (point.asOf) params.set('asOf', point.asOf);
  }
  return params;
}

export function viewPointKey(point: ViewPoint): string {
  return `${point.kind}:${paramsOf(point).toString()}`;
}

/**
 * The timeline entries that had happened at the view point; for reportedBy, by world time (as
 * the service folds it), and recorded by `asOf` when that is set too.
 */
export function timelineAt(entries: readonly TimelineEntry[], point: ViewPoint): TimelineEntry[] {
  switch (point.kind) {
    case 'live':
      return [...entries];
    case 'revision':
      return entries.filter((entry) => entry.revision <= point.revision);
    case 'asOf': {
      const limit = Date.parse(point.at);
      return entries.filter((entry) => Date.parse(entry.recordedAt) <= limit);
    }
    case 'reportedBy': {
      const limit = Date.parse(point.at);
      const known = point.asOf === undefined ? Infinity : Date.parse(point.asOf);
      const keys = worldKeys(entries);
      return entries.filter(
        (entry) =>
          Date.parse(entry.recordedAt) <= known &&
          (entry.type === 'IncidentOpened' || Date.parse(keys.get(entry.revision) ?? '') <= limit),
      );
    }
  }
}
