/* global fetch */
// Boots the built service (dist/) on a throwaway store at 127.0.0.1 and a free port, and writes
// its /docs/json to the file given as the first argument.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../dist/app-factory.js';
import { loadConfig } from '../../dist/config/app-config.js';
import { JsonLogger } from '../../dist/common/logging/json-logger.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/ci/dump-openapi.mjs <file>');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-openapi-'));
const config = loadConfig({
  STORYLINE_STORE: `sqlite:${path.join(dir, 'storyline.db')}`,
  STORYLINE_DEMO: 'false',
});
const logger = new JsonLogger(new Set(['error', 'fatal']), (line) => process.stderr.write(line));
const app = await createApp(config, { logger });
try {
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const res = await fetch(`http://127.0.0.1:${port}/docs/json`);
  if (!res.ok) throw new Error(`/docs/json answered ${res.status}`);
  fs.writeFileSync(out, JSON.stringify(await res.json(), null, 2) + '\n');
} finally {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
