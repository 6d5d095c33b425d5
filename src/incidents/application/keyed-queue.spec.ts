import { describe, expect, test } from '@jest/globals';
import { KeyedQueue } from './keyed-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedQueue', () => {
  test('tasks with one key take turns; another key does not wait; a failure does not block', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    const gate = deferred();
    const first = queue.run('a', async () => {
      order.push('a1 start');
      await gate.promise;
      order.push('a1 end');
      throw new Error('a1 failed');
    });
    const second = queue.run('a', () => {
      order.push('a2');
      return Promise.resolve(2);
    });
    const other = await queue.run('b', () => {
      order.push('b');
      return Promise.resolve('b');
    });
    expect(other).toBe('b');
    expect(order).toEqual(['a1 start', 'b']);
    gate.resolve();
    await expect(first).rejects.toThrow('a1 failed');
    await expect(second).resolves.toBe(2);
    expect(order).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  });
});
