import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The project root: `npm run bench` runs from it. */
export const root = process.cwd();

/** A compiled bench file, next to this one in the bench build output. */
export function benchScript(relative: string): string {
  return path.resolve(import.meta.dirname, '..', relative);
}

/** A fresh temp dir for one run's databases; removed by `cleanUp`. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-bench-'));
}

export function cleanUp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The statement every write bench records (same payload for storyline and the baselines). */
export function statementBody(text: string) {
  return {
    text,
    attribution: [{ name: 'Reuters', kind: 'wire' }],
    reportedAt: '2017-05-18T19:05:00Z',
  };
}

/** Prints progress to stderr, so stdout holds only the tables. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Run-wide settings, set once from the command line by run.ts. */
export const settings = {
  /** Seconds per measured load phase of the hot and live benches (`--seconds`). */
  seconds: 5,
  /** Incident sizes of the scale bench (`--sizes 1000,10000`). */
  sizes: [1000, 10_000, 100_000],
};
