import type { MigrationProgress } from './migrate-log.js';

/** Where progress goes: stderr, which may be a terminal (redrawn line) or a log (plain lines). */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

const WIDTH = 24;

/** 0:07, 1:02:03 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** One progress line: bar, percent, counts, events/s and ETA. */
export function formatProgress(
  progress: MigrationProgress,
  elapsedMs: number,
  bar: boolean,
): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? progress.processed / seconds : 0;
  const eta =
    progress.fraction > 0 ? (seconds * (1 - progress.fraction)) / progress.fraction : Infinity;
  const filled = Math.round(progress.fraction * WIDTH);
  const gauge = bar ? `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ` : '';
  const percent = `${(progress.fraction * 100).toFixed(1)}%`.padStart(6);
  return (
    `${gauge}${percent} ${progress.processed} events (${progress.copied} copied, ` +
    `${progress.skipped} already there) ${Math.round(rate)} events/s ETA ${formatDuration(eta)}`
  );
}

/**
 * Draws progress: on a terminal one line redrawn at most every 100 ms; elsewhere (CI, a log
 * file) a plain line at most every 2 s, so the log stays readable.
 */
export function progressBar(output: ProgressOutput, now: () => number = Date.now) {
  const started = now();
  const tty = output.isTTY === true;
  const every = tty ? 100 : 2000;
  let last = -Infinity;
  let latest: MigrationProgress | undefined;
  const draw = () => {
    if (!latest) return;
    const line = formatProgress(latest, now() - started, tty);
    output.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    update(progress: MigrationProgress): void {
      latest = progress;
      if (now() - last < every) return;
      last = now();
      draw();
    },
    /** Draws the final state and ends the line. */
    done(): void {
      draw();
      if (tty) output.write('\n');
    },
  };
}
