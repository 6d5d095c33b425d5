import { describe, expect, test } from '@jest/globals';
import { GateAbandoned, GateSaturated, WorkGate } from './work-gate.js';

describe('WorkGate', () => {
  test('runs at most `slots` at once and queues at most `queue`, in order', async () => {
    const gate = new WorkGate(2, 1);
    const first = await gate.acquire();
    const second = await gate.acquire();
    const order: string[] = [];
    const third = gate.acquire().then((release) => {
      order.push('third');
      return release;
    });
    await expect(gate.acquire()).rejects.toBeInstanceOf(GateSaturated);
    expect(gate.running).toBe(2);
    expect(gate.queued).toBe(1);
    first();
    first(); // a second call of one release changes nothing
    const release = await third;
    expect(order).toEqual(['third']);
    expect(gate.running).toBe(2);
    second();
    release();
    expect(gate.running).toBe(0);
  });

  test('a waiter whose signal aborts leaves the queue and never runs', async () => {
    const gate = new WorkGate(1, 5);
    const held = await gate.acquire();
    const controller = new AbortController();
    const abandoned = gate.acquire(controller.signal);
    const next = gate.acquire();
    controller.abort();
    await expect(abandoned).rejects.toBeInstanceOf(GateAbandoned);
    expect(gate.queued).toBe(1);
    held();
    (await next)();
    expect(gate.running).toBe(0);
    await expect(gate.acquire(controller.signal)).rejects.toBeInstanceOf(GateAbandoned);
  });
});
