import { describe, expect, test } from '@jest/globals';
import type { IncidentEvent } from './events.js';
import { IncidentFold, stateReader } from './incident-fold.js';
import { Recorder } from './testing/recorder.js';
import { opened, statement, wire } from './testing/samples.js';
import { timelineSortKey, worldTimeOf } from './world-time.js';

const day = (time: string) => `2017-05-18T${time}:00.000Z`;

/** Records the events at 2017-06-01 and returns each with its timeline sort key. */
function keys(...events: IncidentEvent[]) {
  const recorder = new Recorder();
  recorder.clock.set('2017-06-01T09:00:00Z');
  return events.map((event) => {
    const before = recorder.state;
    const [recorded] = recorder.record(event);
    return [recorded.type, worldTimeOf(recorded), timelineSortKey(recorded, stateReader(before))];
  });
}

describe('world time and the by=reported sort key', () => {
  test('IncidentFold names the claims an event changed: a retraction also those it disputed', () => {
    const recorder = new Recorder();
    recorder.record(opened, statement('c1'), statement('c2'), {
      type: 'ClaimDisputed',
      data: { claimId: 'c1', disputedByClaimId: 'c2' },
    });
    const fold = IncidentFold.of(recorder.events);
    expect(fold.changedClaims()).toEqual(['c1']);
    const [retraction] = recorder.record({
      type: 'ClaimRetracted',
      data: { claimId: 'c2', attribution: wire, reportedAt: day('19:00'), reason: 'x' },
    });
    fold.apply(retraction);
    expect(fold.changedClaims()).toEqual(['c2', 'c1']);
    expect(fold.claim('c1')).toMatchObject({ state: 'active', flags: [] });
  });

  test('per API.md: reports on reportedAt, corrections and undated disputes with their claims, editorial on reportedAt else recordedAt', () => {
    expect(
      keys(
        opened,
        statement('c1', day('15:30')),
        statement('c2', day('18:30')),
        { type: 'ClaimCorrected', data: { claimId: 'c2', text: 'Fixed', reason: 'typo' } },
        { type: 'ClaimDisputed', data: { claimId: 'c1', disputedByClaimId: 'c2' } },
        {
          type: 'ClaimDisputed',
          data: { claimId: 'c2', disputedByClaimId: 'c1', reportedAt: day('18:50') },
        },
        {
          type: 'IncidentStatusChanged',
          data: { status: 'confirmed', previousStatus: 'developing' },
        },
        {
          type: 'IncidentDetailsRevised',
          data: { title: 'T', reportedAt: '2017-05-18T21:00:00+02:00' },
        },
        {
          type: 'ClaimRetracted',
          data: { claimId: 'c1', attribution: wire, reportedAt: day('20:00'), reason: 'x' },
        },
      ),
    ).toEqual([
      ['IncidentOpened', null, ''],
      ['StatementReported', day('15:30'), day('15:30')],
      ['StatementReported', day('18:30'), day('18:30')],
      ['ClaimCorrected', null, day('18:30')],
      ['ClaimDisputed', null, day('18:30')],
      ['ClaimDisputed', day('18:50'), day('18:50')],
      ['IncidentStatusChanged', '2017-06-01T09:00:06.000Z', '2017-06-01T09:00:06.000Z'],
      ['IncidentDetailsRevised', '2017-05-18T21:00:00+02:00', day('19:00')],
      ['ClaimRetracted', day('20:00'), day('20:00')],
    ]);
  });
});
