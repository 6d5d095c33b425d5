import { describe, expect, test } from '@jest/globals';
import type { CasualtySeries } from './casualty-series.js';
import { countAxisMax, sourcesOf, tickLabel, timeAxis, wrapText } from './chart-scales.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function line(source: string, points: [string, number, number | null][], retracted = false) {
  return {
    key: `${source}|killed|civilians`,
    claimId: source,
    source,
    measure: 'killed',
    group: 'civilians',
    points: points.map(([at, y, max]) => ({ x: Date.parse(at), y, max })),
    retracted,
  } satisfies CasualtySeries;
}

describe('the casualty chart scales', () => {
  test('a story over three days gets day steps labelled with dates, not sixteen "00:00"', () => {
    const series = [
      line('Health ministry', [
        ['2023-10-17T19:00:00Z', 200, 300],
        ['2023-10-20T08:00:00Z', 471, 471],
      ]),
    ];
    const axis = timeAxis(series);
    expect(axis.stepSize).toBe(12 * HOUR);
    const ticks: number[] = [];
    for (let at = axis.min; at <= axis.max; at += axis.stepSize) ticks.push(at);
    expect(ticks.length).toBeLessThanOrEqual(10);
    const labels = ticks.map((at, index) => tickLabel(at, ticks[index - 1], axis.stepSize));
    expect(labels).toEqual([
      '17 Oct 12:00',
      '18 Oct 00:00',
      '12:00',
      '19 Oct 00:00',
      '12:00',
      '20 Oct 00:00',
      '12:00',
      '21 Oct 00:00',
    ]);
    expect(tickLabel(Date.parse('2023-10-18T00:00:00Z'), undefined, DAY)).toBe('18 Oct');
  });

  test('within an evening the date is on the first tick only', () => {
    const series = [
      line('A', [['2017-05-18T18:10:00Z', 1, 1]]),
      line('B', [['2017-05-18T20:00:00Z', 6, 8]]),
    ];
    const axis = timeAxis(series);
    expect(axis.min).toBeLessThanOrEqual(Date.parse('2017-05-18T18:10:00Z'));
    expect(axis.max).toBeGreaterThanOrEqual(Date.parse('2017-05-18T20:00:00Z'));
    expect(tickLabel(axis.min, undefined, axis.stepSize)).toMatch(/^18 May \d\d:\d\d$/);
    expect(tickLabel(axis.min + axis.stepSize, axis.min, axis.stepSize)).toMatch(/^\d\d:\d\d$/);
  });

  test('retracted figures do not stretch the count axis; open ranges count their lower figure', () => {
    const standing = line('Ministry', [['2023-10-17T19:00:00Z', 10, 40]]);
    const open = line('Wire', [['2023-10-17T20:00:00Z', 45, null]]);
    const retracted = line('Channel', [['2023-10-17T19:30:00Z', 500, 500]], true);
    expect(countAxisMax([standing, retracted])).toBe(50);
    expect(countAxisMax([standing, open, retracted])).toBe(50);
    expect(countAxisMax([retracted])).toBeUndefined();
  });

  test('one legend entry per source, in order of appearance', () => {
    const a = line('Ministry', [['2023-10-17T19:00:00Z', 1, 1]]);
    const b = line('Wire', [['2023-10-17T19:00:00Z', 1, 1]]);
    expect(sourcesOf([a, b, { ...a, key: 'other', measure: 'injured' }])).toEqual([
      'Ministry',
      'Wire',
    ]);
  });

  test('tooltip lines wrap at spaces within the width', () => {
    const lines = wrapText('Al-Masdar News: killed: 6 (“six fighters of the convoy”)', 20);
    expect(lines.every((text) => text.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe('Al-Masdar News: killed: 6 (“six fighters of the convoy”)');
  });
});
