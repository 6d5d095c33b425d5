import { describe, expect, test } from '@jest/globals';
import { claimHistory, toHistoryVersion } from './history.js';
import { Recorder } from './testing/recorder.js';
import { opened, statement, wire } from './testing/samples.js';
import { timelineOf } from './timeline.js';

function story() {
  const recorder = new Recorder(undefined, 'editor-ann');
  recorder.record(
    opened,
    statement('c1', '2017-05-18T15:30:00.000Z'),
    statement('c2', '2017-05-18T18:30:00.000Z'),
    { type: 'ClaimDisputed', data: { claimId: 'c1', disputedByClaimId: 'c2', note: 'militia' } },
    { type: 'IncidentStatusChanged', data: { status: 'confirmed', previousStatus: 'developing' } },
    { type: 'ClaimCorrected', data: { claimId: 'c1', text: 'Fixed text', reason: 'typo' } },
    {
      type: 'ClaimRetracted',
      data: {
        claimId: 'c1',
        attribution: wire,
        reportedAt: '2017-05-18T20:00:00.000Z',
        reason: 'withdrawn',
      },
    },
  );
  return recorder;
}

describe('claimHistory', () => {
  test('one version per event about the claim, with the claim after each change', () => {
    const recorder = story();
    const history = claimHistory(recorder.events, 'c1');
    expect(history.claimId).toBe('c1');
    expect(
      history.versions.map((v) => [
        v.revision,
        v.type,
        v.claim.state,
        v.claim.flags.join('+'),
        v.claim.versions,
      ]),
    ).toEqual([
      [1, 'StatementReported', 'active', '', 1],
      [3, 'ClaimDisputed', 'disputed', 'disputed', 2],
      // disputed dominates corrected; both flags hold
      [5, 'ClaimCorrected', 'disputed', 'corrected+disputed', 3],
      [6, 'ClaimRetracted', 'retracted', 'corrected+disputed+retracted', 4],
    ]);
    const [first, disputed, corrected, retracted] = history.versions;
    expect(first).toMatchObject({
      eventId: recorder.events[1]?.eventId,
      position: recorder.events[1]?.position,
      recordedAt: recorder.events[1]?.recordedAt,
      recordedBy: 'editor-ann',
      reportedAt: '2017-05-18T15:30:00.000Z',
    });
    expect(first?.claim.text).toBe('Text of c1');
    expect(disputed).not.toHaveProperty('reportedAt');
    expect(disputed?.claim.disputedBy).toEqual(['c2']);
    expect(corrected?.claim).toMatchObject({
      text: 'Fixed text',
      correction: { by: 'editor-ann', reason: 'typo' },
    });
    expect(retracted?.reportedAt).toBe('2017-05-18T20:00:00.000Z');
  });

  test('the disputing claim is not touched by the dispute; an unknown claim has no versions', () => {
    const recorder = story();
    expect(claimHistory(recorder.events, 'c2').versions.map((v) => v.type)).toEqual([
      'StatementReported',
    ]);
    expect(claimHistory(recorder.events, 'nope').versions).toEqual([]);
  });

  test('toHistoryVersion is null for events not about a claim', () => {
    const recorder = story();
    expect(toHistoryVersion(recorder.events[4], recorder.state!)).toBeNull();
  });
});

describe('timelineOf', () => {
  test('an entry per event with its metadata, a summary line and the data', () => {
    const recorder = story();
    const entries = timelineOf(recorder.events);
    expect(entries).toHaveLength(7);
    expect(entries[3]).toEqual({
      revision: 3,
      position: recorder.events[3]?.position,
      eventId: recorder.events[3]?.eventId,
      type: 'ClaimDisputed',
      recordedAt: recorder.events[3]?.recordedAt,
      recordedBy: 'editor-ann',
      summary: "unnamed official's claim c2 disputes claim c1 — militia",
      data: { claimId: 'c1', disputedByClaimId: 'c2', note: 'militia' },
    });
    expect(entries[1]?.reportedAt).toBe('2017-05-18T15:30:00.000Z');
  });
});
