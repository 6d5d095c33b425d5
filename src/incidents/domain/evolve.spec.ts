import { describe, expect, test } from '@jest/globals';
import type { IncidentEvent } from './events.js';
import { evolve, InvalidIncidentStream } from './evolve.js';
import { findClaim } from './state.js';
import { Recorder } from './testing/recorder.js';
import { casualties, opened, statement, wire } from './testing/samples.js';

function fold(...events: IncidentEvent[]) {
  const recorder = new Recorder();
  recorder.record(...events);
  return { state: recorder.state!, events: recorder.events };
}

const revised: IncidentEvent = {
  type: 'ClaimRevisedBySource',
  data: {
    claimId: 'c1',
    text: 'Reworded',
    attribution: wire,
    reportedAt: '2017-05-18T16:00:00.000Z',
    note: 'update',
  },
};
const corrected: IncidentEvent = {
  type: 'ClaimCorrected',
  data: { claimId: 'c1', text: 'Fixed', reason: 'typo' },
};
const disputed: IncidentEvent = {
  type: 'ClaimDisputed',
  data: { claimId: 'c1', disputedByClaimId: 'c2', note: 'n' },
};
const retracted: IncidentEvent = {
  type: 'ClaimRetracted',
  data: {
    claimId: 'c1',
    attribution: wire,
    reportedAt: '2017-05-18T17:00:00.000Z',
    reason: 'withdrawn',
  },
};

describe('evolve', () => {
  test('IncidentOpened starts a developing incident at that revision and position', () => {
    const { state, events } = fold(opened);
    expect(state).toEqual({
      incidentId: 'strike-near-town',
      title: 'Strike near a town',
      summary: null,
      location: { name: 'Town', lat: 33.5, lon: 38.6 },
      occurredAt: { at: '2017-05-18T00:00:00.000Z', precision: 'day' },
      tags: ['test'],
      status: 'developing',
      assessments: [],
      openedAt: events[0].recordedAt,
      updatedAt: events[0].recordedAt,
      revision: 0,
      position: events[0].position,
      claims: [],
    });
  });

  test('IncidentDetailsRevised sets and clears fields; status changes; bookkeeping follows', () => {
    const { state, events } = fold(
      opened,
      {
        type: 'IncidentDetailsRevised',
        data: { title: 'New', summary: 'S', location: null, reason: 'r' },
      },
      {
        type: 'IncidentStatusChanged',
        data: { status: 'confirmed', previousStatus: 'developing' },
      },
    );
    expect(state).toMatchObject({
      title: 'New',
      summary: 'S',
      location: null,
      tags: ['test'],
      status: 'confirmed',
    });
    expect(state.occurredAt).not.toBeNull();
    expect(state.openedAt).toBe(events[0].recordedAt);
    expect(state.updatedAt).toBe(events[2].recordedAt);
    expect(state.revision).toBe(2);
    expect(state.position).toBe(events[2].position);
  });

  test('StatementReported and CasualtyFiguresReported add claims in order', () => {
    const { state, events } = fold(opened, statement('c1'), casualties('f1', [6, 6]));
    expect(state.claims.map((c) => [c.claimId, c.kind, c.state, c.versions])).toEqual([
      ['c1', 'statement', 'active', 1],
      ['f1', 'casualties', 'active', 1],
    ]);
    expect(findClaim(state, 'c1')).toMatchObject({
      text: 'Text of c1',
      quoted: 'paraphrase',
      topic: 'target',
      attribution: wire,
      reportedAt: '2017-05-18T15:30:00.000Z',
      firstReportedAt: '2017-05-18T15:30:00.000Z',
      recordedAt: events[1].recordedAt,
      disputedBy: [],
    });
    expect(findClaim(state, 'f1')?.figures).toEqual([
      { measure: 'killed', group: 'militia', min: 6, max: 6 },
    ]);
  });

  test('ClaimRevisedBySource replaces content, chain and reportedAt; keeps the first report time', () => {
    const { state } = fold(opened, statement('c1'), revised);
    expect(findClaim(state, 'c1')).toMatchObject({
      state: 'revised',
      text: 'Reworded',
      reportedAt: '2017-05-18T16:00:00.000Z',
      firstReportedAt: '2017-05-18T15:30:00.000Z',
      revisionNote: 'update',
      versions: 2,
    });
  });

  test('ClaimCorrected fixes the record and says who and why', () => {
    const { state, events } = fold(opened, statement('c1'), corrected);
    expect(findClaim(state, 'c1')).toMatchObject({
      state: 'corrected',
      text: 'Fixed',
      correction: { by: 'tester', reason: 'typo', recordedAt: events[2].recordedAt },
    });
  });

  test('ClaimDisputed lists the disputing claim and touches only the disputed one', () => {
    const { state } = fold(opened, statement('c1'), statement('c2'), disputed);
    expect(findClaim(state, 'c1')).toMatchObject({
      state: 'disputed',
      disputedBy: ['c2'],
      versions: 2,
    });
    expect(findClaim(state, 'c1')?.disputes[0]).toMatchObject({ byClaimId: 'c2', note: 'n' });
    expect(findClaim(state, 'c2')).toMatchObject({ state: 'active', versions: 1 });
  });

  test('every flag that applies is kept; the state is the dominant one', () => {
    const claim = (...events: IncidentEvent[]) => findClaim(fold(...events).state, 'c1');
    expect(claim(opened, statement('c1'), statement('c2'), disputed, revised)).toMatchObject({
      state: 'disputed',
      flags: ['revised', 'disputed'],
    });
    expect(claim(opened, statement('c1'), statement('c2'), revised, disputed)).toMatchObject({
      state: 'disputed',
      flags: ['revised', 'disputed'],
    });
    expect(claim(opened, statement('c1'), corrected, revised)).toMatchObject({
      state: 'corrected',
      flags: ['revised', 'corrected'],
    });
    expect(claim(opened, statement('c1'))).toMatchObject({ state: 'active', flags: [] });
  });

  test('disputed holds while at least one non-retracted claim disputes it', () => {
    const by = (disputer: string): IncidentEvent => ({
      type: 'ClaimDisputed',
      data: { claimId: 'c1', disputedByClaimId: disputer },
    });
    const retract = (claimId: string): IncidentEvent => ({
      type: 'ClaimRetracted',
      data: { claimId, attribution: wire, reportedAt: '2017-05-18T17:00:00.000Z', reason: 'x' },
    });
    const start = [opened, statement('c1'), statement('c2'), statement('c3'), by('c2'), by('c3')];
    const one = findClaim(fold(...start, retract('c2')).state, 'c1');
    expect(one).toMatchObject({ state: 'disputed', flags: ['disputed'], disputedBy: ['c2', 'c3'] });
    const both = findClaim(fold(...start, retract('c2'), retract('c3')).state, 'c1');
    expect(both).toMatchObject({ state: 'active', flags: [], disputedBy: ['c2', 'c3'] });
  });

  test('retracted dominates whatever comes after', () => {
    const { state } = fold(
      opened,
      statement('c1'),
      statement('c2'),
      retracted,
      disputed,
      corrected,
    );
    expect(findClaim(state, 'c1')).toMatchObject({
      state: 'retracted',
      versions: 4,
      retraction: { reason: 'withdrawn', reportedAt: '2017-05-18T17:00:00.000Z' },
    });
  });

  test('does not mutate the state it is given', () => {
    const recorder = new Recorder();
    recorder.record(opened, statement('c1'));
    const before = recorder.state!;
    const snapshot = structuredClone(before);
    recorder.record(revised, disputed);
    expect(before).toEqual(snapshot);
  });

  test('a stream that does not start with IncidentOpened, or opens twice, is invalid', () => {
    const recorder = new Recorder();
    const [event] = new Recorder().record(opened, statement('c1')).slice(1);
    expect(() => evolve(null, event)).toThrow(InvalidIncidentStream);
    recorder.record(opened);
    expect(() => recorder.record(opened)).toThrow(InvalidIncidentStream);
    expect(() => recorder.record(corrected)).toThrow(InvalidIncidentStream);
  });
});
