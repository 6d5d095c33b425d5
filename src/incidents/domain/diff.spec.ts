import { describe, expect, test } from '@jest/globals';
import { diffViews } from './diff.js';
import { Recorder } from './testing/recorder.js';
import { casualties, opened, statement, wire } from './testing/samples.js';
import { foldToRevision } from './time-travel.js';
import { toIncidentView } from './view.js';

function story() {
  const recorder = new Recorder();
  recorder.record(
    opened, // 0
    statement('c1'), // 1
    casualties('f1', [6, 6]), // 2
    { type: 'IncidentStatusChanged', data: { status: 'confirmed', previousStatus: 'developing' } }, // 3
    statement('c2'), // 4
    { type: 'ClaimDisputed', data: { claimId: 'c1', disputedByClaimId: 'c2' } }, // 5
    casualties('f2', [1, null], '2017-05-18T20:00:00.000Z', wire), // 6
    {
      type: 'ClaimRetracted',
      data: {
        claimId: 'f1',
        attribution: wire,
        reportedAt: '2017-05-18T20:30:00.000Z',
        reason: 'wrong',
      },
    }, // 7
  );
  const at = (n: number) => toIncidentView(foldToRevision(recorder.events, n)!);
  return at;
}

describe('diffViews', () => {
  test('lists incident fields, added, changed and retracted claims, and casualty ranges', () => {
    const at = story();
    const diff = diffViews(at(2), at(7));
    expect(diff.from).toBe(2);
    expect(diff.to).toBe(7);
    expect(diff.changes.map((c) => c.type)).toEqual([
      'incident-changed',
      'claim-changed',
      'claim-retracted',
      'claim-added',
      'claim-added',
      'casualties-changed',
    ]);
    expect(diff.changes[0]).toEqual({
      type: 'incident-changed',
      field: 'status',
      before: 'developing',
      after: 'confirmed',
    });
    expect(diff.changes[1]).toEqual({
      type: 'claim-changed',
      claimId: 'c1',
      state: 'disputed',
      flags: ['disputed'],
      fields: [
        { field: 'state', before: 'active', after: 'disputed' },
        { field: 'flags', before: [], after: ['disputed'] },
        { field: 'disputedBy', before: [], after: ['c2'] },
        {
          field: 'corroboration',
          before: { independentSources: 1, grade: 'single-source' },
          after: { independentSources: 1, grade: 'contested' },
        },
      ],
    });
    expect(diff.changes[2]).toMatchObject({ type: 'claim-retracted', claimId: 'f1' });
    expect(
      diff.changes[2]?.type === 'claim-retracted' && diff.changes[2].fields.map((f) => f.field),
    ).toEqual(['state', 'flags', 'corroboration', 'retraction']);
    expect(diff.changes[2]).toMatchObject({ flags: ['retracted'] });
    expect(diff.changes[3]).toMatchObject({
      type: 'claim-added',
      claimId: 'c2',
      claim: { text: 'Text of c2' },
    });
    expect(diff.changes[5]).toEqual({
      type: 'casualties-changed',
      measure: 'killed',
      group: 'militia',
      before: { min: 6, max: 6 },
      after: { min: 1, max: null },
    });
  });

  test('the same revision twice has no changes; backwards lists removed claims', () => {
    const at = story();
    expect(diffViews(at(4), at(4)).changes).toEqual([]);
    const back = diffViews(at(4), at(1));
    expect(
      back.changes
        .filter((c) => c.type === 'claim-removed')
        .map((c) => 'claimId' in c && c.claimId),
    ).toEqual(['f1', 'c2']);
    expect(back.changes.at(-1)).toMatchObject({
      type: 'casualties-changed',
      before: { min: 6, max: 6 },
      after: null,
    });
  });
});
