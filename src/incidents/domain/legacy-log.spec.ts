/**
 * A log written before world times existed (events as main wrote them on 2026-12-03: disputes,
 * status changes and details revisions without reportedAt; recorded two weeks after the story)
 * still folds, by API.md's table, with no migration.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { RecordedIncidentEvent } from './state.js';
import { findClaim } from './state.js';
import { foldAll, foldReportedBy } from './time-travel.js';
import { timelineOf } from './timeline.js';

const events = JSON.parse(
  readFileSync(
    new URL('./testing/fixtures/at-tanf-log-before-world-time.json', import.meta.url),
    'utf8',
  ),
) as RecordedIncidentEvent[];

const claim = (state: ReturnType<typeof foldAll>, claimId: string) =>
  state && findClaim(state, claimId);

describe('a log written before world times', () => {
  test('has undated disputes and status changes', () => {
    const dispute = events.find((event) => event.type === 'ClaimDisputed');
    expect(dispute?.data).not.toHaveProperty('reportedAt');
    expect(timelineOf(events)).toHaveLength(events.length);
  });

  test('folds whole, with every flag that applies', () => {
    const state = foldAll(events);
    expect(state?.status).toBe('acknowledged');
    // c08 disputed c01, then was retracted: c01 is no longer disputed
    expect(claim(state, 'c01-target-syrian-army')).toMatchObject({ state: 'active', flags: [] });
    expect(claim(state, 'c08-target-militia')?.flags).toEqual(['retracted']);
    expect(claim(state, 'c10-tank-bulldozer-hit')).toMatchObject({
      state: 'corrected',
      text: 'One tank and one bulldozer were hit.',
    });
    expect(claim(state, 'c14-casualties-believed')?.flags).toEqual(['revised']);
  });

  test('as reported by: an undated dispute applies once both claims are in; a correction with its claim', () => {
    const at1835 = foldReportedBy(events, '2017-05-18T18:35:00Z');
    expect(claim(at1835, 'c01-target-syrian-army')).toMatchObject({
      state: 'disputed',
      disputedBy: ['c08-target-militia'],
    });
    // undated status changes count from when they were recorded (June)
    expect(at1835?.status).toBe('developing');
    expect(claim(at1835, 'c10-tank-bulldozer-hit')).toBeUndefined();
    const at1901 = foldReportedBy(events, '2017-05-18T19:01:00Z');
    expect(claim(at1901, 'c10-tank-bulldozer-hit')?.text).toBe(
      'One tank and one bulldozer were hit.',
    );
    expect(foldReportedBy(events, '2017-05-18T15:29:00Z')).toBeNull();
  });
});
