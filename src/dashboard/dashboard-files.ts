import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the built page lives (scripts/build-dashboard.mjs writes dist/dashboard). Looked up beside
 * the compiled module first (`node dist/main.js`), then from the sources' place (Jest boots the
 * app from src/), then from the working directory.
 */
export function dashboardDirCandidates(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [
    here,
    path.resolve(here, '..', '..', 'dist', 'dashboard'),
    path.resolve(process.cwd(), 'dist', 'dashboard'),
  ];
}

/** The first candidate folder that holds a built index.html, if any. */
export function findDashboardDir(candidates = dashboardDirCandidates()): string | undefined {
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type of an asset, or undefined for a file the page never serves. */
export function assetContentType(file: string): string | undefined {
  return TYPES[path.extname(file)];
}

/** Asset names are flat and content-hashed: anything else (dots-only, slashes) is refused. */
export function isAssetName(file: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(file) && !file.includes('..');
}
