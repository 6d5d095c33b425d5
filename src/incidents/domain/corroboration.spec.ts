import { describe, expect, test } from '@jest/globals';
import type { AttributionLink, IncidentEvent } from './events.js';
import { IncidentFold } from './incident-fold.js';
import { findClaim } from './state.js';
import { Recorder } from './testing/recorder.js';
import { opened } from './testing/samples.js';
import { toIncidentView } from './view.js';

const say = (claimId: string, attribution: AttributionLink[]): IncidentEvent => ({
  type: 'StatementReported',
  data: {
    claimId,
    text: `Text of ${claimId}`,
    quoted: 'paraphrase',
    attribution,
    reportedAt: '2017-05-18T15:30:00.000Z',
  },
});
const support = (claimId: string, by: string): IncidentEvent => ({
  type: 'ClaimSupported',
  data: { claimId, supportedByClaimId: by },
});
const dispute = (claimId: string, by: string): IncidentEvent => ({
  type: 'ClaimDisputed',
  data: { claimId, disputedByClaimId: by },
});
const retract = (claimId: string): IncidentEvent => ({
  type: 'ClaimRetracted',
  data: {
    claimId,
    attribution: [{ name: 'Reuters', kind: 'wire' }],
    reportedAt: '2017-05-18T20:00:00.000Z',
    reason: 'withdrawn',
  },
});
const revise = (claimId: string, attribution: AttributionLink[]): IncidentEvent => ({
  type: 'ClaimRevisedBySource',
  data: { claimId, text: 'Reworded', attribution, reportedAt: '2017-05-18T16:00:00.000Z' },
});

const official = (name: string, via: string): AttributionLink[] => [
  { name, kind: 'official', named: false },
  { name: via, kind: 'wire' },
];
const named = (name: string, kind: AttributionLink['kind'] = 'military'): AttributionLink[] => [
  { name, kind },
];

/** Given these events (after an opening), the claim as evolve and IncidentFold both leave it. */
function claimAfter(claimId: string, ...events: IncidentEvent[]) {
  const recorder = new Recorder();
  const recorded = recorder.record(opened, ...events);
  const folded = IncidentFold.of(recorded).state();
  expect(folded).toEqual(recorder.state);
  return findClaim(recorder.state!, claimId)!;
}

describe('support and corroboration', () => {
  test('a new claim is single-source, one independent source, not supported', () => {
    const claim = claimAfter('c1', say('c1', named('CENTCOM')));
    expect(claim.corroboration).toEqual({ independentSources: 1, grade: 'single-source' });
    expect(claim.flags).toEqual([]);
    expect(claim.supportedBy).toEqual([]);
  });

  test('given a support from another speaker, the claim is supported and corroborated', () => {
    const claim = claimAfter(
      'c1',
      say('c1', named('CENTCOM')),
      say('c2', named('Al-Masdar News', 'outlet')),
      support('c1', 'c2'),
    );
    expect(claim.supportedBy).toEqual(['c2']);
    expect(claim.flags).toEqual(['supported']);
    expect(claim.state).toBe('active');
    expect(claim.corroboration).toEqual({ independentSources: 2, grade: 'corroborated' });
    expect(claim.supports[0]).toMatchObject({ byClaimId: 'c2' });
  });

  test('named speakers match by kind and case-folded name; unnamed ones by first relay', () => {
    const same = claimAfter(
      'c1',
      say('c1', named('CENTCOM')),
      say('c2', named(' centcom ')),
      support('c1', 'c2'),
    );
    expect(same.corroboration).toEqual({ independentSources: 1, grade: 'single-source' });
    const otherKind = claimAfter(
      'c1',
      say('c1', named('CENTCOM')),
      say('c2', named('CENTCOM', 'outlet')),
      support('c1', 'c2'),
    );
    expect(otherKind.corroboration.independentSources).toBe(2);
    const viaReuters = claimAfter(
      'c1',
      say('c1', official('a US official', 'Reuters')),
      say('c2', official('a senior US official', 'reuters')),
      say('c3', official('a US official', 'AFP')),
      support('c1', 'c2'),
      support('c1', 'c3'),
    );
    expect(viaReuters.corroboration).toEqual({ independentSources: 2, grade: 'corroborated' });
  });

  test("a supporter's retraction drops it from the count and clears supported", () => {
    const claim = claimAfter(
      'c1',
      say('c1', named('CENTCOM')),
      say('c2', named('Al-Masdar News', 'outlet')),
      support('c1', 'c2'),
      retract('c2'),
    );
    expect(claim.flags).toEqual([]);
    expect(claim.supportedBy).toEqual(['c2']);
    expect(claim.corroboration).toEqual({ independentSources: 1, grade: 'single-source' });
  });

  test("a supporter's revised attribution changes the supported claim's count", () => {
    const claim = claimAfter(
      'c1',
      say('c1', named('CENTCOM')),
      say('c2', named('Al-Masdar News', 'outlet')),
      support('c1', 'c2'),
      revise('c2', named('CENTCOM')),
    );
    expect(claim.corroboration).toEqual({ independentSources: 1, grade: 'single-source' });
    expect(claim.flags).toEqual(['supported']);
  });

  test('grade: contested while a live claim disputes it, retracted once retracted', () => {
    const events = [
      say('c1', named('CENTCOM')),
      say('c2', named('Al-Masdar News', 'outlet')),
      say('c3', named('RT', 'state-media')),
      support('c1', 'c2'),
      dispute('c1', 'c3'),
    ];
    const contested = claimAfter('c1', ...events);
    expect(contested.flags).toEqual(['disputed', 'supported']);
    expect(contested.state).toBe('disputed');
    expect(contested.corroboration).toEqual({ independentSources: 2, grade: 'contested' });
    expect(claimAfter('c1', ...events, retract('c3')).corroboration.grade).toBe('corroborated');
    const gone = claimAfter('c1', ...events, retract('c1'));
    expect(gone.corroboration.grade).toBe('retracted');
    expect(gone.flags).toEqual(['disputed', 'supported', 'retracted']);
  });

  test("the fold reports the supported claim among the changed claims of its supporter's change", () => {
    const recorder = new Recorder();
    const recorded = recorder.record(
      opened,
      say('c1', named('CENTCOM')),
      say('c2', named('Al-Masdar News', 'outlet')),
      say('c3', named('RT', 'state-media')),
      support('c1', 'c2'),
      retract('c2'),
    );
    const fold = IncidentFold.of(recorded.slice(0, -1));
    fold.apply(recorded[recorded.length - 1]);
    expect(fold.changedClaims()).toEqual(['c2', 'c1']);
  });
});

describe('casualty groups, undisputed ranges and assessments', () => {
  const report = (claimId: string, group: string, min: number, max: number | null) =>
    ({
      type: 'CasualtyFiguresReported',
      data: {
        claimId,
        attribution: named(`source ${claimId}`),
        reportedAt: '2017-05-18T19:05:00.000Z',
        figures: [{ measure: 'killed', group, min, max }],
      },
    }) as IncidentEvent;
  const assessed = (best: number): IncidentEvent => ({
    type: 'CasualtyEstimateAssessed',
    data: {
      measure: 'killed',
      group: 'CIVILIANS',
      low: 2,
      best,
      high: null,
      basis: ['a'],
      reason: 'r',
    },
  });

  test('groups match case-insensitively, trimmed, with the first spelling shown', () => {
    const recorder = new Recorder();
    recorder.record(opened, report('a', 'Civilians', 2, 4), report('b', ' civilians ', 6, 9));
    const [row, ...rest] = toIncidentView(recorder.state!).casualties;
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      group: 'Civilians',
      min: 2,
      max: 9,
      undisputed: { min: 2, max: 9 },
    });
  });

  test('undisputed leaves out disputed claims (null when all are); the latest assessment shows', () => {
    const recorder = new Recorder();
    const events = [
      report('a', 'civilians', 2, 4),
      report('b', 'civilians', 6, 9),
      say('s', named('RT', 'state-media')),
      dispute('b', 's'),
      assessed(3),
      assessed(4),
    ];
    recorder.record(opened, ...events);
    const [row] = toIncidentView(recorder.state!).casualties;
    expect(row).toMatchObject({ min: 2, max: 9, undisputed: { min: 2, max: 4 } });
    expect(row?.assessment).toMatchObject({ group: 'CIVILIANS', low: 2, best: 4, high: null });
    expect(row?.assessment?.reportedAt).toBe(row?.assessment?.recordedAt);
    expect(recorder.state!.assessments).toHaveLength(1);
    recorder.record(dispute('a', 's'));
    expect(toIncidentView(recorder.state!).casualties[0]?.undisputed).toBeNull();
  });
});
