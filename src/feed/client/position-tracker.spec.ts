import { describe, expect, test } from '@jest/globals';
import { ALL_INCIDENTS, PositionTracker, inScope, scopeKey } from './position-tracker.js';

describe('PositionTracker', () => {
  test('accepts increasing positions and drops duplicates and older ones', () => {
    const tracker = new PositionTracker();
    const seen = ['5', '7', '7', '6', '12', '12', '100'].filter((p) => tracker.accept(p));
    expect(seen).toEqual(['5', '7', '12', '100']);
    expect(tracker.lastApplied).toBe('100');
  });

  test('compares positions as integers, not as strings', () => {
    const tracker = new PositionTracker('9');
    expect(tracker.accept('10')).toBe(true);
    expect(tracker.accept('9')).toBe(false);
  });

  test('handles positions beyond 2^53 exactly', () => {
    const tracker = new PositionTracker('18446744073709551614');
    expect(tracker.accept('18446744073709551614')).toBe(false);
    expect(tracker.accept('18446744073709551615')).toBe(true);
    expect(tracker.lastApplied).toBe('18446744073709551615');
  });

  test('resumes from the position it was created with', () => {
    const tracker = new PositionTracker('42');
    expect(tracker.lastApplied).toBe('42');
    expect(tracker.accept('42')).toBe(false);
    expect(tracker.accept('43')).toBe(true);
  });

  test('a live-only start takes the head but never moves backwards', () => {
    const tracker = new PositionTracker();
    tracker.startAt('30');
    expect(tracker.lastApplied).toBe('30');
    expect(tracker.accept('30')).toBe(false);
    tracker.accept('31');
    tracker.startAt('20');
    expect(tracker.lastApplied).toBe('31');
  });

  test('after a reset it restarts from the refetched view, even an earlier one', () => {
    const tracker = new PositionTracker('50');
    tracker.restartFrom('40');
    expect(tracker.accept('41')).toBe(true);
    tracker.restartFrom(undefined);
    expect(tracker.lastApplied).toBeUndefined();
    expect(tracker.accept('1')).toBe(true);
  });
});

describe('scopes', () => {
  test('an incident scope matches only its incident; the all scope matches every one', () => {
    expect(scopeKey(undefined)).toBe(ALL_INCIDENTS);
    expect(scopeKey('at-tanf')).toBe('at-tanf');
    expect(inScope('at-tanf', 'at-tanf')).toBe(true);
    expect(inScope('at-tanf', 'other')).toBe(false);
    expect(inScope(ALL_INCIDENTS, 'other')).toBe(true);
  });
});
