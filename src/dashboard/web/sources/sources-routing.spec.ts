import { describe, expect, test } from '@jest/globals';
import type { SourceRecord } from '../api/sources-http.js';
import { parseRoute, sourceHref } from '../shell/use-hash-route.js';
import { nextSort, sortSources } from './source-order.js';

const record = (name: string, claims: number, disputed: number): SourceRecord => ({
  name,
  kind: 'wire',
  claims,
  asOriginal: claims,
  asRelay: 0,
  revised: 0,
  corrected: 0,
  disputed,
  supported: 0,
  retracted: 0,
  firstReportedAt: '2026-11-02T09:00:00.000Z',
  lastReportedAt: '2026-11-02T10:00:00.000Z',
});

describe('the sources page routes', () => {
  test('#/sources and #/sources/<kind>/<name>, names with spaces and slashes round-trip', () => {
    expect(parseRoute('#/sources')).toEqual({ page: 'sources' });
    expect(parseRoute('#/sources/')).toEqual({ page: 'sources' });
    const href = sourceHref('state-media', 'SANA / Syria');
    expect(href).toBe('#/sources/state-media/SANA%20%2F%20Syria');
    expect(parseRoute(href)).toEqual({ page: 'source', kind: 'state-media', name: 'SANA / Syria' });
    expect(parseRoute('#/sources/wire')).toEqual({ page: 'incidents' });
    expect(parseRoute('#/incidents/abc').page).toBe('incident');
  });
});

describe('sorting the track-record table', () => {
  const rows = [record('beta', 3, 0), record('Alpha', 3, 2), record('gamma', 1, 1)];

  test('by a count, most first on the first click, ties in the service order; then flipped', () => {
    const first = nextSort({ column: 'claims', direction: 'descending' }, 'disputed');
    expect(first).toEqual({ column: 'disputed', direction: 'descending' });
    expect(sortSources(rows, first).map((row) => row.name)).toEqual(['Alpha', 'gamma', 'beta']);
    const flipped = nextSort(first, 'disputed');
    expect(flipped.direction).toBe('ascending');
    expect(sortSources(rows, flipped).map((row) => row.name)).toEqual(['beta', 'gamma', 'Alpha']);
    expect(
      sortSources(rows, { column: 'claims', direction: 'descending' }).map((r) => r.name),
    ).toEqual(['beta', 'Alpha', 'gamma']);
  });

  test('by name: A to Z on the first click, case ignored', () => {
    const byName = nextSort({ column: 'claims', direction: 'descending' }, 'name');
    expect(byName.direction).toBe('ascending');
    expect(sortSources(rows, byName).map((row) => row.name)).toEqual(['Alpha', 'beta', 'gamma']);
  });
});
