// Bundles profile.ts with esbuild (packages stay external) and runs it with the given sizes.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}node_modules/.cache/scale-read/profile.mjs`;
execFileSync(`${root}node_modules/.bin/esbuild`, [
  `${root}bench/scale-read/profile.ts`,
  '--bundle',
  '--platform=node',
  '--format=esm',
  '--packages=external',
  '--log-level=warning',
  `--outfile=${out}`,
]);
execFileSync(process.execPath, [...process.execArgv, out, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
