import { describe, expect, test } from '@jest/globals';
import type { IncidentEvent } from './events.js';
import { findClaim, type IncidentState } from './state.js';
import { Recorder } from './testing/recorder.js';
import { opened, statement, wire } from './testing/samples.js';
import {
  foldAll,
  foldAsOf,
  foldReportedBy,
  foldReportedByAsOf,
  foldToRevision,
} from './time-travel.js';

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

describe('foldReportedBy: the story as reported by T (world time)', () => {
  test('reports count by reportedAt, even when recorded later; a correction whenever its claim does', () => {
    const state = foldReportedBy(events, day('17:00'));
    // c3 was said at 16:00 though recorded at 20:00; its correction (our fix) applies with it
    expect(claims(state)).toEqual(['c1:active', 'c3:corrected']);
    expect(findClaim(state!, 'c3')?.text).toBe('Fixed');
    // the status change has no world time: it counts from its recordedAt (18:50)
    expect(state?.status).toBe('developing');
  });

  test('by 19:00 the undated dispute, the status change, the retraction and the revision count', () => {
    const state = foldReportedBy(events, day('19:00'));
    // c2's back-dated revision (said 18:00) applies once c2 is in the view, in stream order
    expect(claims(state)).toEqual(['c1:retracted', 'c2:revised', 'c3:corrected']);
    expect(findClaim(state!, 'c1')?.flags).toEqual(['disputed', 'retracted']);
    expect(state?.status).toBe('confirmed');
  });

  test('an event about a claim not in the folded view is skipped; revision is the highest folded', () => {
    // the 18:00 revision of c2 counts by time, but c2 was only reported at 18:30
    const state = foldReportedBy(events, day('18:15'));
    expect(claims(state)).toEqual(['c1:active', 'c3:corrected']);
    expect(state?.revision).toBe(6);
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

  test('back-dated status changes, details revisions and disputes count at their world time', () => {
    // recorded two weeks later by an analyst, each with the world time it happened
    const later = (time: string) => `2017-06-01T${time}:00.000Z`;
    const recorder = new Recorder();
    for (const [recordedAt, event] of [
      [later('09:00'), opened],
      [later('09:01'), statement('c1', day('15:30'))],
      [later('09:02'), statement('c2', day('18:30'))],
      [
        later('09:03'),
        {
          type: 'ClaimDisputed',
          data: { claimId: 'c1', disputedByClaimId: 'c2', reportedAt: day('18:40') },
        },
      ],
      [
        later('09:04'),
        {
          type: 'IncidentStatusChanged',
          data: { status: 'confirmed', previousStatus: 'developing', reportedAt: day('18:45') },
        },
      ],
      [
        later('09:05'),
        { type: 'IncidentDetailsRevised', data: { title: 'Renamed', reportedAt: day('19:00') } },
      ],
    ] as [string, IncidentEvent][]) {
      recorder.clock.set(recordedAt);
      recorder.record(event);
    }
    const at = (time: string) => foldReportedBy(recorder.events, day(time));
    expect(claims(at('18:35'))).toEqual(['c1:active', 'c2:active']);
    expect(claims(at('18:40'))).toEqual(['c1:disputed', 'c2:active']);
    expect(at('18:44')?.status).toBe('developing');
    expect(at('18:45')?.status).toBe('confirmed');
    expect(at('18:59')?.title).toBe('Strike near a town');
    expect(at('19:00')?.title).toBe('Renamed');
    expect(at('19:00')?.revision).toBe(5);
  });

  test('before every world time of the incident there is nothing; IncidentOpened always counts', () => {
    expect(foldReportedBy(events, '2000-01-01T00:00:00Z')).toBeNull();
    expect(foldReportedBy(events, day('15:29'))).toBeNull();
    const first = foldReportedBy(events, day('15:30'));
    expect(first?.incidentId).toBe('strike-near-town');
    expect(claims(first)).toEqual(['c1:active']);
  });

  test('an incident with only its opening counts from its recordedAt', () => {
    const only = stream(['10:00', opened]);
    expect(foldReportedBy(only, day('09:59'))).toBeNull();
    expect(foldReportedBy(only, day('10:00'))?.claims).toEqual([]);
  });
});

describe('foldReportedByAsOf: bitemporal', () => {
  test('the story as reported by T from what was recorded by T2', () => {
    // reported by 17:00, as known at 19:00: c3 (said 16:00) was only recorded at 20:00
    expect(claims(foldReportedByAsOf(events, day('17:00'), day('19:00')))).toEqual(['c1:active']);
    // as known at 20:05: c3 and its correction are recorded
    expect(claims(foldReportedByAsOf(events, day('17:00'), day('20:05')))).toEqual([
      'c1:active',
      'c3:corrected',
    ]);
    // reported by 19:00 as known at 20:10: the retraction is in, the back-dated revision not yet
    const state = foldReportedByAsOf(events, day('19:00'), day('20:10'));
    expect(claims(state)).toEqual(['c1:retracted', 'c2:active', 'c3:corrected']);
    expect(state?.revision).toBe(7);
  });

  test('nothing recorded by T2, or nothing reported by T of what was, is null', () => {
    expect(foldReportedByAsOf(events, day('19:00'), day('09:00'))).toBeNull();
    // recorded by 15:40: only c1 (said 15:30)
    expect(foldReportedByAsOf(events, day('15:00'), day('15:40'))).toBeNull();
  });
});
