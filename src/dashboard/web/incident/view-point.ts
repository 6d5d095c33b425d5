import type { TimelineEntry, ViewPoint } from '../api/api-types.js';

/** The view point named by the route's query (`revision`, `asOf` or `reportedBy`), else live. */
export function viewPointFrom(params: URLSearchParams): ViewPoint {
  const revision = params.get('revision');
  if (revision !== null && /^\d+$/.test(revision)) {
    return { kind: 'revision', revision: Number(revision) };
  }
  const asOf = params.get('asOf');
  if (asOf && !Number.isNaN(Date.parse(asOf))) return { kind: 'asOf', at: asOf };
  const reportedBy = params.get('reportedBy');
  if (reportedBy && !Number.isNaN(Date.parse(reportedBy))) {
    return { kind: 'reportedBy', at: reportedBy };
  }
  return { kind: 'live' };
}

export function paramsOf(point: ViewPoint): URLSearchParams {
  const params = new URLSearchParams();
  if (point.kind === 'revision') params.set('revision', String(point.revision));
  if (point.kind === 'asOf') params.set('asOf', point.at);
  if (point.kind === 'reportedBy') params.set('reportedBy', point.at);
  return params;
}

export function viewPointKey(point: ViewPoint): string {
  return `${point.kind}:${paramsOf(point).toString()}`;
}

/** The timeline entries that had happened at the view point (approximate for reportedBy). */
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
      return entries.filter(
        (entry) =>
          entry.type === 'IncidentOpened' ||
          Date.parse(entry.reportedAt ?? entry.recordedAt) <= limit,
      );
    }
  }
}
