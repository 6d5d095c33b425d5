import fs from 'node:fs';
import path from 'node:path';
import { root } from './bench-env.js';

/**
 * The Node flags `npm start` runs the service with (package.json "start": `node <flags>
 * dist/main.js`), so the bench measures the service as users run it; docker/check-dockerfile.mjs
 * holds the image's CMD to the same flags.
 */
export function serviceNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/main\.js\b/.exec(pkg.scripts.start);
  if (!match) throw new Error('package.json "start" does not run `node [flags] dist/main.js`');
  return match[1].split(/\s+/).filter(Boolean);
}

/** The service's command line as the bench reports it. */
export function serviceCommand(): string {
  return ['node', ...serviceNodeFlags(), 'dist/main.js'].join(' ');
}
