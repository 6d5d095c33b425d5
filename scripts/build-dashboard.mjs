// Bundles the dashboard (src/dashboard/web) into dist/dashboard: index.html plus content-hashed
// assets, so the server can cache assets forever and index.html never.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the dashboard; resolves with the output folder and the asset file names. */
export async function buildDashboard({
  outdir = path.join(root, 'dist', 'dashboard'),
  minify = true,
} = {}) {
  const assetsDir = path.join(outdir, 'assets');
  const web = path.join(root, 'src', 'dashboard', 'web');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      { in: path.join(web, 'main.tsx'), out: 'app' },
      { in: path.join(web, 'styles.css'), out: 'app' },
    ],
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: path.join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    minify,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const script = outputs.find((file) => file.endsWith('.js'));
  const style = outputs.find((file) => file.endsWith('.css'));
  if (!script || !style) throw new Error(`dashboard build produced ${outputs.join(', ')}`);
  // Write then rename: a server (or a concurrent build) never reads a half-written page.
  const page = path.join(outdir, `index.html.${process.pid}.tmp`);
  fs.writeFileSync(page, indexHtml(script, style));
  fs.renameSync(page, path.join(outdir, 'index.html'));
  pruneStaleAssets(assetsDir, outputs);
  return { outdir, script, style };
}

/** Removes assets of earlier builds (older than a minute, so a concurrent build keeps its own). */
function pruneStaleAssets(assetsDir, keep) {
  const cutoff = Date.now() - 60_000;
  for (const file of fs.readdirSync(assetsDir)) {
    if (keep.some((name) => file === name || file.startsWith(`${name}.`))) continue;
    const full = path.join(assetsDir, file);
    if (fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full, { force: true });
  }
}

function indexHtml(script, style) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="storyline: developing news incidents, live, replayable and audited" />
    <meta name="theme-color" content="#14213d" />
    <title>storyline</title>
    <link rel="stylesheet" href="/assets/${style}" />
    <script type="module" src="/assets/${script}"></script>
  </head>
  <body>
    <div id="app"></div>
    <noscript>The storyline dashboard needs JavaScript. The API is at <a href="/docs">/docs</a>.</noscript>
  </body>
</html>
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outdir, script, style } = await buildDashboard();
  process.stdout.write(`dashboard built: ${path.relative(root, outdir)} (${script}, ${style})\n`);
}
