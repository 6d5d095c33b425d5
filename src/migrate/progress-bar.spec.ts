import { describe, expect, test } from '@jest/globals';
import { formatDuration, formatProgress, progressBar } from './progress-bar.js';

const at = (fraction: number, processed: number) => ({
  processed,
  copied: processed,
  skipped: 0,
  fraction,
});

describe('progress', () => {
  test('durations read as m:ss or h:mm:ss; an unknown one as --:--', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(62)).toBe('1:02');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(Infinity)).toBe('--:--');
  });

  test('a line shows the bar, percent, counts, events/s and the ETA from the fraction done', () => {
    // a quarter done in 10 s at 100 events/s: 30 s to go
    expect(formatProgress(at(0.25, 1000), 10_000, true)).toBe(
      '[######------------------]  25.0% 1000 events (1000 copied, 0 already there) 100 events/s ETA 0:30',
    );
    expect(formatProgress(at(0, 0), 0, false)).toBe(
      '  0.0% 0 events (0 copied, 0 already there) 0 events/s ETA --:--',
    );
  });

  test('a terminal gets one redrawn line; a log gets plain lines, throttled', () => {
    let clock = 0;
    const tty: string[] = [];
    const bar = progressBar({ isTTY: true, write: (t: string) => tty.push(t) }, () => clock);
    bar.update(at(0.1, 10));
    clock = 50;
    bar.update(at(0.2, 20));
    clock = 150;
    bar.update(at(0.3, 30));
    bar.done();
    expect(tty).toHaveLength(4);
    expect(tty.slice(0, 3).every((line) => line.startsWith('\r['))).toBe(true);
    expect(tty[3]).toBe('\n');

    clock = 0;
    const log: string[] = [];
    const plain = progressBar({ write: (t: string) => log.push(t) }, () => clock);
    for (let s = 0; s <= 5; s++) {
      clock = s * 1000;
      plain.update(at(s / 5, s));
    }
    plain.done();
    expect(log).toHaveLength(4);
    expect(
      log.every((line) => line.endsWith('\n') && !line.includes('\r') && !line.includes('[')),
    ).toBe(true);
    expect(log[3]).toMatch(/^100\.0% 5 events/);
  });
});
