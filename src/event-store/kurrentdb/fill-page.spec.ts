import { describe, expect, test } from '@jest/globals';
import { fillPage, type RawPage } from './fill-page.js';

type E = { position: string };

/** A scripted `$all`: records at positions 10, 20, …; `skipped` ones are not storyline's. */
function scriptedLog(count: number, skipped: Set<number>) {
  const records = Array.from({ length: count }, (_, i) => ({ position: String((i + 1) * 10) }));
  const reads: string[] = [];
  const readRaw = (from: string, maxCount: number): Promise<RawPage<E>> => {
    reads.push(from);
    const page = records.filter((r) => BigInt(r.position) >= BigInt(from)).slice(0, maxCount);
    return Promise.resolve({
      events: page.filter((r) => !skipped.has(Number(r.position))),
      records: page.length,
      lastPosition: page.at(-1)?.position,
    });
  };
  return { readRaw, reads };
}

describe('fillPage', () => {
  test('a page of skipped records does not pass for the end of the log', async () => {
    const skipped = new Set([20, 30, 40, 50]);
    const log = scriptedLog(8, skipped);
    const page = await fillPage(log.readRaw, '10', 2);
    expect(page.map((e) => e.position)).toEqual(['60', '70']);
    expect(log.reads.length).toBeGreaterThan(1);
  });

  test('stops at the end of the log with what there is', async () => {
    const log = scriptedLog(5, new Set([40]));
    const page = await fillPage(log.readRaw, '0', 10);
    expect(page.map((e) => e.position)).toEqual(['10', '20', '30', '50']);
    expect(log.reads).toEqual(['0']);
  });

  test('an empty log or a position past the end reads as empty', async () => {
    expect(await fillPage(scriptedLog(0, new Set()).readRaw, '0', 5)).toEqual([]);
    expect(await fillPage(scriptedLog(3, new Set()).readRaw, '30', 5)).toEqual([]);
  });

  test('a full page of storyline events is read once', async () => {
    const log = scriptedLog(20, new Set());
    const page = await fillPage(log.readRaw, '50', 3);
    expect(page.map((e) => e.position)).toEqual(['60', '70', '80']);
    expect(log.reads).toEqual(['50']);
  });
});
