import { describe, expect, test } from '@jest/globals';
import { evolve } from './evolve.js';
import { IncidentFold } from './incident-fold.js';
import type { IncidentState } from './state.js';
import { randomStory } from './testing/random-story.js';
import { FakeClock, Recorder } from './testing/recorder.js';

function recorded(seed: number, count: number) {
  const recorder = new Recorder(new FakeClock('2017-05-18T00:00:00Z'));
  recorder.record(...randomStory({ seed, events: count }));
  return recorder.events;
}

describe('IncidentFold: the in-place fold gives what evolve gives', () => {
  test.each([1, 2, 3])('after every event of random story %i', (seed) => {
    const events = recorded(seed, 400);
    const fold = new IncidentFold();
    let state: IncidentState | null = null;
    for (const event of events) {
      state = evolve(state, event);
      fold.apply(event);
      expect(fold.revision).toBe(event.revision);
    }
    expect(fold.state()).toEqual(state);
    expect(fold.claimCount).toBe(state?.claims.length);
  });

  test('states it handed out do not change as it folds on', () => {
    const events = recorded(4, 300);
    const fold = IncidentFold.of(events.slice(0, 150));
    const early = fold.state();
    const copy = structuredClone(early);
    for (const event of events.slice(150)) fold.apply(event);
    expect(early).toEqual(copy);
  });

  test('from(state) goes on from a state without changing it', () => {
    const events = recorded(5, 300);
    const half = IncidentFold.of(events.slice(0, 100)).state();
    const copy = structuredClone(half);
    const fold = IncidentFold.from(half);
    for (const event of events.slice(100)) fold.apply(event);
    expect(fold.state()).toEqual(events.reduce<IncidentState | null>(evolve, null));
    expect(half).toEqual(copy);
  });

  test('an event that does not fit the stream changes nothing', () => {
    const events = recorded(6, 50);
    const fold = IncidentFold.of(events);
    const before = fold.state();
    const last = events[events.length - 1];
    const stray = { ...last, revision: 99, type: 'ClaimCorrected' as const };
    const bad = { ...stray, data: { claimId: 'nope', text: 'x', reason: 'y' } };
    expect(() => fold.apply(bad)).toThrow('unknown claim nope');
    expect(() => fold.apply(events[0])).toThrow('opened twice');
    expect(fold.state()).toEqual(before);
  });

  test('rollback() undoes every apply() since begin(), and the fold goes on as if they never were', () => {
    const events = recorded(7, 600);
    const fold = IncidentFold.of(events.slice(0, 200));
    const before = structuredClone(fold.state());
    fold.begin();
    // the tentative run: new claims, revisions, disputes, supports, retractions, detail changes
    for (const event of events.slice(200, 400)) fold.apply(event);
    expect(fold.revision).toBe(399);
    fold.rollback();
    expect(fold.state()).toEqual(before);
    expect(fold.claimCount).toBe(before?.claims.length);
    for (const event of events.slice(200)) fold.apply(event);
    expect(fold.state()).toEqual(events.reduce<IncidentState | null>(evolve, null));
  });

  test('peek() is the state without a copy of the claims', () => {
    const fold = IncidentFold.of(recorded(8, 100));
    expect(fold.peek()).toEqual(fold.state());
    expect(fold.peek()?.claims).toBe(fold.claimList());
  });

  test('equal attribution chains are held once, and the claims read as evolve gives them', () => {
    // through JSON, as events come from a store: every event brings a chain of its own
    const events = JSON.parse(JSON.stringify(recorded(9, 400))) as ReturnType<typeof recorded>;
    const fold = IncidentFold.of(events);
    const state = events.reduce<IncidentState | null>(evolve, null);
    // the same bytes (keys in the same order), not only equal values
    expect(JSON.stringify(fold.state())).toBe(JSON.stringify(state));
    const claims = fold.claimList();
    const chains = new Set(claims.map((claim) => claim.attribution));
    const distinct = new Set(claims.map((claim) => JSON.stringify(claim.attribution)));
    expect(chains.size).toBe(distinct.size);
    expect(chains.size).toBeLessThan(claims.length);
  });
});
