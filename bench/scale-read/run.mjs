// Bundles profile.ts (or `--entry <name>`: another file here) with esbuild (packages stay
// external) and runs it with the other arguments.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--entry');
const entry = at < 0 ? 'profile' : args.splice(at, 2)[1];
const out = `${root}node_modules/.cache/scale-read/${entry}.mjs`;
execFileSync(`${root}node_modules/.bin/esbuild`, [
  `${root}bench/scale-read/${entry}.ts`,
  '--bundle',
  '--platform=node',
  '--format=esm',
  '--packages=external',
  '--log-level=warning',
  `--outfile=${out}`,
]);
execFileSync(process.execPath, [...process.execArgv, out, ...args], {
  stdio: 'inherit',
});
