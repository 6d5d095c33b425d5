import type { CasualtySeries } from './casualty-series.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

export interface TimeAxis {
  min: number;
  max: number;
  stepSize: number;
}

/** An x range over reported time on round UTC steps (at most about eight ticks), padded. */
export function timeAxis(series: readonly CasualtySeries[]): TimeAxis {
  const xs = series.flatMap((line) => line.points.map((point) => point.x));
  const low = xs.length > 0 ? Math.min(...xs) : 0;
  const high = xs.length > 0 ? Math.max(...xs) : 0;
  const span = Math.max(high - low, 30 * MINUTE);
  const stepSize = STEPS.find((step) => span / step <= 8) ?? Math.ceil(span / 8 / DAY) * DAY;
  return {
    min: Math.floor((low - stepSize / 2) / stepSize) * stepSize,
    max: Math.ceil((high + stepSize / 2) / stepSize) * stepSize,
    stepSize,
  };
}

const dayMonth = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/**
 * A tick's label: the date on the first tick and wherever the day changes, the clock too unless
 * the ticks are whole days apart ("18 May 20:00", "21:00", …, "19 May 00:00").
 */
export function tickLabel(ms: number, previous: number | undefined, stepSize: number): string {
  const date = dayMonth.format(ms);
  if (stepSize >= DAY && ms % DAY === 0) return date;
  const newDay = previous === undefined || dayMonth.format(previous) !== date;
  return newDay ? `${date} ${clock.format(ms)}` : clock.format(ms);
}

/**
 * The count axis' top: the highest figure (a range's upper end included) of the figures that
 * stand; retracted ones are drawn but do not stretch the scale. Undefined leaves it to the chart.
 */
export function countAxisMax(series: readonly CasualtySeries[]): number | undefined {
  const standing = series.filter((line) => !line.retracted);
  const values = standing.flatMap((line) => line.points.flatMap((p) => [p.y, p.max ?? p.y]));
  if (values.length === 0) return undefined;
  const top = Math.max(...values, 1);
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const nice = [1, 2, 2.5, 5, 10].find((factor) => top * 1.1 <= factor * magnitude) ?? 10;
  return nice * magnitude;
}

/** The sources in the order their first line appears: one legend entry and one colour each. */
export function sourcesOf(series: readonly CasualtySeries[]): string[] {
  return [...new Set(series.map((line) => line.source))];
}

/** Splits a tooltip line at spaces so it fits the canvas (a phone is 390 px wide). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
