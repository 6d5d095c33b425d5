import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app-factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { JsonLogger } from '../../src/common/logging/json-logger.js';

export const TOKENS = {
  reporter: 'reporter-token-0123456789',
  editor: 'editor-token-0123456789',
  admin: 'admin-token-0123456789',
} as const;

export interface BootedApp {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  dir: string;
  /** Stops the app (keeps the files, so a test can boot again on them). */
  stop(): Promise<void>;
  /** Stops the app and removes its files. */
  close(): Promise<void>;
}

export interface BootOptions {
  /** Reuse a data directory (restart tests). */
  dir?: string;
  env?: Record<string, string>;
  /** Where the app logs (default: errors to stderr). */
  logger?: JsonLogger;
}

/** Boots the real service on a temporary SQLite file, on 127.0.0.1 and a free port. */
export async function bootApp(options: BootOptions = {}): Promise<BootedApp> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-'));
  const config = loadConfig({
    STORYLINE_STORE: `sqlite:${path.join(dir, 'storyline.db')}`,
    STORYLINE_TOKENS: `rita:reporter:${TOKENS.reporter},eddie:editor:${TOKENS.editor},ada:admin:${TOKENS.admin}`,
    STORYLINE_DEMO: 'false',
    ...options.env,
  });
  const logger =
    options.logger ??
    new JsonLogger(new Set(['error', 'fatal']), (line) => process.stderr.write(line));
  const app = await createApp(config, { logger });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    url,
    config,
    dir,
    stop,
    close: async () => {
      await stop();
      if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function auth(role: keyof typeof TOKENS): { Authorization: string } {
  return { Authorization: `Bearer ${TOKENS[role]}` };
}
