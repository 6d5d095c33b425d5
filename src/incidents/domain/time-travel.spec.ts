import { describe, expect, test } from '@jest/globals';
import type { IncidentEvent } from './events.js';
import { findClaim, type IncidentState } from './state.js';
import { Recorder } from './testing/recorder.js';
import { opened, statement, wire } from './testing/samples.js';
import { foldAll, foldAsOf, foldReportedBy, foldToRevision } from './time-travel.js';

const day = (time: string) => `2017-05-18T${time}:00.000Z`;

/** A stream whose recordedAt times are set by hand: [recorded at, event]. */
function stream(...entries: [string, IncidentEvent][]) {
  const recorder = new Recorder();
  for (const [recordedAt, event] of entries) {
    recorder.clock.set(day(recordedAt));
    recorder.record(event);
  }
  return recorder.events;
}

const events = stream(
  ['10:00', opened],
  ['15:35', statement('c1', day('15:30'))],
  ['18:35', statement('c2', day('18:30'))],
  ['18:40', { type: 'ClaimDisputed', data: { claimId: 'c1', disputedByClaimId: 'c2' } }],
  [
    '18:50',
    { type: 'IncidentStatusChanged', data: { status: 'confirmed', previousStatus: 'developing' } },
  ],
  // a back-dated report: said at 16:00, recorded at 20:00
  ['20:00', statement('c3', day('16:00'))],
  ['20:05', { type: 'ClaimCorrected', data: { claimId: 'c3', text: 'Fixed', reason: 'typo' } }],
  [
    '20:10',
    {
      type: 'ClaimRetracted',
      data: { claimId: 'c1', attribution: wire, reportedAt: day('19:00'), reason: 'withdrawn' },
    },
  ],
  // a back-dated revision of c2, said before c2 itself was first reported
  [
    '20:20',
    {
      type: 'ClaimRevisedBySource',
      data: { claimId: 'c2', text: 'Earlier wording', attribution: wire, reportedAt: day('18:00') },
    },
  ],
);

const claims = (state: IncidentState | null) =>
  state?.claims.map((claim) => `${claim.claimId}:${claim.state}`) ?? null;

describe('foldAll and foldToRevision', () => {
  test('foldAll folds every event', () => {
    const state = foldAll(events);
    expect(state?.revision).toBe(8);
    expect(claims(state)).toEqual(['c1:retracted', 'c2:revised', 'c3:corrected']);
  });

  test('foldToRevision stops after the event with that revision', () => {
    const state = foldToRevision(events, 3);
    expect(state?.revision).toBe(3);
    expect(claims(state)).toEqual(['c1:disputed', 'c2:active']);
    expect(foldToRevision(events, 0)?.claims).toEqual([]);
    expect(foldToRevision(events, -1)).toBeNull();
  });
});

describe('foldAsOf: what storyline knew at T (recordedAt ≤ T)', () => {
  test('a back-dated report is not known before it was recorded', () => {
    const state = foldAsOf(events, day('18:45'));
    expect(claims(state)).toEqual(['c1:disputed', 'c2:active']);
    expect(state?.status).toBe('developing');
    expect(claims(foldAsOf(events, new Date(day('20:00'))))).toEqual([
      'c1:disputed',
      'c2:active',
      'c3:active',
    ]);
  });

  test('before the incident was opened there is nothing', () => {
    expect(foldAsOf(events, day('09:59'))).toBeNull();
  });
});

describe('foldReportedBy: the story as reported by T', () => {
  test('reports count by reportedAt, even when recorded later; editorial events by recordedAt', () => {
    const state = foldReportedBy(events, day('17:00'));
    // c3 was said at 16:00 though recorded at 20:00; the correction of c3 was recorded after 17:00
    expect(claims(state)).toEqual(['c1:active', 'c3:active']);
    expect(findClaim(state!, 'c3')?.text).toBe('Text of c3');
    expect(state?.status).toBe('developing');
  });

  test('by 19:00 the dispute, the status change, the retraction and the revision count', () => {
    const state = foldReportedBy(events, day('19:00'));
    // c2's back-dated revision (said 18:00) applies once c2 is in the view, in stream order
    expect(claims(state)).toEqual(['c1:retracted', 'c2:revised', 'c3:active']);
    expect(findClaim(state!, 'c1')?.disputedBy).toEqual(['c2']);
    expect(state?.status).toBe('confirmed');
  });

  test('an event about a claim not in the folded view is skipped', () => {
    // the 18:00 revision of c2 counts by time, but c2 was only reported at 18:30
    const state = foldReportedBy(events, day('18:15'));
    expect(claims(state)).toEqual(['c1:active', 'c3:active']);
    expect(state?.revision).toBe(5);
  });

  test('a dispute is skipped while the disputing claim is not in the view', () => {
    const skewed = stream(
      ['10:00', opened],
      ['10:01', statement('c1', day('09:00'))],
      // reported 4 minutes "ahead" of the server clock, within the allowed skew
      ['18:40', statement('c2', day('18:44'))],
      ['18:41', { type: 'ClaimDisputed', data: { claimId: 'c1', disputedByClaimId: 'c2' } }],
    );
    expect(claims(foldReportedBy(skewed, day('18:42')))).toEqual(['c1:active']);
    expect(claims(foldReportedBy(skewed, day('18:44')))).toEqual(['c1:disputed', 'c2:active']);
  });

  test('IncidentOpened always counts', () => {
    const state = foldReportedBy(events, '2000-01-01T00:00:00Z');
    expect(state?.incidentId).toBe('strike-near-town');
    expect(state?.claims).toEqual([]);
  });
});
