import { describe, expect, test } from '@jest/globals';
import type { IncidentEvent } from './events.js';
import { IncidentFold, stateReader } from './incident-fold.js';
import { Recorder } from './testing/recorder.js';
import { opened, statement, wire } from './testing/samples.js';
import { timelineSortKey, utc, worldTimeOf } from './world-time.js';

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

describe('utc', () => {
  const slow = (time: string) => {
    const ms = Date.parse(time);
    return Number.isNaN(ms) ? 'none' : new Date(ms).toISOString();
  };

  test('spells every time as toISOString does, text already in that form included', () => {
    const times = [
      '2026-01-01T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2025-02-29T00:00:00.000Z',
      '2025-02-30T00:00:00.000Z',
      '2000-02-29T12:00:00.000Z',
      '1900-02-29T12:00:00.000Z',
      '0000-02-29T00:00:00.000Z',
      '2025-04-31T00:00:00.000Z',
      '2025-12-31T00:00:00.000Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T23:60:00.000Z',
      '2025-13-01T00:00:00.000Z',
      '2025-01-01T00:00:00Z',
      '2025-01-01T02:00:00.000+02:00',
      '2025-01-01',
      'yesterday',
    ];
    for (const time of times) expect([time, utc(time, 'none')]).toEqual([time, slow(time)]);
  });
});
