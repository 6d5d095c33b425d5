import { describe, expect, test } from '@jest/globals';
import { FeedByteBudget } from './feed-byte-budget.js';

describe('FeedByteBudget', () => {
  test('under the cap nobody overflows, however unevenly the bytes are held', () => {
    const budget = new FeedByteBudget(1000);
    budget.open();
    budget.open();
    budget.hold(990);
    expect(budget.overShare(990)).toBe(false);
  });

  test('over the cap, a holder above its share overflows and one below does not', () => {
    const budget = new FeedByteBudget(1000);
    for (let i = 0; i < 4; i++) budget.open();
    budget.hold(900);
    budget.hold(200);
    expect(budget.queuedBytes).toBe(1100);
    expect(budget.overShare(900)).toBe(true);
    expect(budget.overShare(200)).toBe(false);
  });

  test('released and closed bytes leave the total', () => {
    const budget = new FeedByteBudget(1000);
    budget.open();
    budget.hold(1500);
    budget.release(400);
    expect(budget.queuedBytes).toBe(1100);
    budget.close(1100);
    expect(budget.queuedBytes).toBe(0);
    expect(budget.overShare(1)).toBe(false);
  });
});
