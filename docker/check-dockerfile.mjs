// Structural checks of docker/Dockerfile and docker/nginx.conf, for CI without a Docker engine
// (beside dockerfilelint: what it cannot know about this project). Exits 1 listing every problem found.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const problems = [];
const fail = (message) => problems.push(message);

/** Instructions with their continuation lines joined, comments dropped. */
function instructions(text) {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(fs.readFileSync(path.join(here, 'Dockerfile'), 'utf8'));
const stages = [];
for (const step of dockerfile) {
  if (step.keyword === 'FROM') {
    const [image, as, name] = step.args.split(/\s+/);
    if (as?.toUpperCase() !== 'AS' || !name) fail(`FROM ${image} has no stage name`);
    if (!/^node:24-bookworm-slim$/.test(image) && !stages.some((s) => s.name === image)) {
      fail(`FROM ${image}: every stage starts from node:24-bookworm-slim or an earlier stage`);
    }
    stages.push({ name, steps: [] });
  } else if (stages.length === 0) {
    fail(`${step.keyword} before the first FROM`);
  } else {
    stages[stages.length - 1].steps.push(step);
  }
}
if (stages.length < 2) fail('the Dockerfile must be multi-stage');

const allowed = fs
  .readFileSync(path.join(here, 'Dockerfile.dockerignore'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('!'))
  .map((line) => line.slice(1).replace(/\/\*\*$/, ''));
for (const stage of stages) {
  for (const { keyword, args } of stage.steps) {
    if (keyword === 'ADD') fail(`${stage.name}: use COPY, not ADD`);
    if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword)) {
      const json = keyword === 'HEALTHCHECK' ? args.replace(/^.*?\bCMD\s+/, '') : args;
      try {
        if (!Array.isArray(JSON.parse(json))) throw new Error('not an array');
      } catch {
        fail(`${stage.name}: ${keyword} must use the exec (JSON array) form`);
      }
    }
    if (keyword === 'RUN' && /apt-get install/.test(args)) {
      if (!/--no-install-recommends/.test(args))
        fail(`${stage.name}: apt-get install without --no-install-recommends`);
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(args)) fail(`${stage.name}: apt lists not removed`);
    }
    if (keyword !== 'COPY') continue;
    const from = /--from=(\S+)/.exec(args)?.[1];
    const parts = args.split(/\s+/).filter((part) => !part.startsWith('--'));
    if (from) {
      if (!stages.some((s) => s.name === from) || from === stage.name)
        fail(`COPY --from=${from}: no earlier stage of that name`);
      continue;
    }
    for (const source of parts.slice(0, -1)) {
      if (!fs.existsSync(path.join(root, source)))
        fail(`${stage.name}: COPY ${source}: no such file in the repository`);
      if (!allowed.includes(source))
        fail(`${stage.name}: COPY ${source} is excluded by Dockerfile.dockerignore`);
    }
  }
}

const runtime = stages[stages.length - 1];
const has = (keyword, pattern = /./) =>
  runtime?.steps.some((step) => step.keyword === keyword && pattern.test(step.args));
if (runtime?.name !== 'runtime') fail('the last (default) stage must be "runtime"');
if (!has('USER', /^(?!root\b|0\b)\S+/)) fail('runtime: must switch to a non-root USER');
if (!has('HEALTHCHECK', /\/health\b/)) fail('runtime: HEALTHCHECK on /health is missing');
if (!has('VOLUME', /\/data/)) fail('runtime: the data directory must be a VOLUME');
if (!has('ENV', /HOST=0\.0\.0\.0/))
  fail('runtime: HOST=0.0.0.0 is missing (the app binds 127.0.0.1 by default)');
if (!has('EXPOSE')) fail('runtime: EXPOSE is missing');
if (
  runtime?.steps.some(
    (step) => step.keyword === 'RUN' && /apt-get|npm (ci|install)/.test(step.args),
  )
) {
  fail('runtime: installs belong in the build stages');
}
// the image runs the service with the Node flags `npm start` gives it (package.json "start")
const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
const startFlags = /\bnode((?:\s+--\S+)*)\s+dist\/main\.js\b/
  .exec(start)?.[1]
  .split(/\s+/)
  .filter(Boolean);
const runtimeCmd = runtime?.steps.findLast((step) => step.keyword === 'CMD')?.args;
if (!startFlags) fail('package.json "start" does not run `node [flags] dist/main.js`');
else {
  const expected = JSON.stringify(['node', ...startFlags, 'dist/main.js']);
  let actual;
  try {
    actual = JSON.stringify(JSON.parse(runtimeCmd ?? ''));
  } catch {
    actual = undefined;
  }
  if (actual !== expected) fail(`runtime: CMD must be ${expected}, as npm start runs the service`);
}
const conformance = stages.find((s) => s.name === 'conformance');
if (!conformance) fail('the conformance stage (used by the compose files) is missing');
// npm test runs every suite, the Chromium ones included: the store suites run Jest directly
if (conformance?.steps.some((step) => step.keyword === 'CMD' && /\bnpm\b/.test(step.args)))
  fail('conformance: CMD must run Jest directly, not through npm (npm test runs every suite)');

// each nginx file: balanced braces, and its upstream servers are its compose file's services
for (const [conf, compose] of [
  ['nginx.conf', 'docker-compose.cluster.yml'],
  ['nginx.postgres.conf', 'docker-compose.postgres.yml'],
]) {
  const nginx = fs.readFileSync(path.join(here, conf), 'utf8').replace(/#.*$/gm, '');
  let depth = 0;
  for (const char of nginx) {
    depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) fail(`${conf}: unbalanced braces`);
  const services = fs.readFileSync(path.join(here, compose), 'utf8');
  for (const [, host] of nginx.matchAll(/^\s*server\s+([\w-]+):\d+/gm)) {
    if (!new RegExp(`^  ${host}:`, 'm').test(services))
      fail(`${conf}: upstream ${host} is not a service of ${compose}`);
  }
  if (!/proxy_set_header Upgrade \$http_upgrade/.test(nginx)) fail(`${conf}: no WebSocket upgrade`);
  if (!services.includes(`./${conf}:/etc/nginx/nginx.conf`))
    fail(`${compose} does not mount ${conf}`);
}

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`docker check: ${problem}\n`);
  process.exit(1);
}
process.stdout.write(
  `docker check: Dockerfile (${stages.length} stages), nginx.conf and nginx.postgres.conf look right\n`,
);
