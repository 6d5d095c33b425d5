/**
 * Jest globalSetup of the browser tests: installs Debian's Chromium when it is missing
 * (scripts/ensure-chromium.sh), unless STORYLINE_SKIP_BROWSER says the browser tests skip.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup() {
  if (process.env.STORYLINE_SKIP_BROWSER) return;
  const script = fileURLToPath(new URL('../../scripts/ensure-chromium.sh', import.meta.url));
  execFileSync('bash', [script], { stdio: 'inherit' });
}
