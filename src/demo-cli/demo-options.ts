import fs from 'node:fs';
import path from 'node:path';
import { FlagsError, parseFlags } from '../common/cli/parse-flags.js';
import { loadConfig } from '../config/app-config.js';

export interface DemoOptions {
  url: string;
  /** Seconds between two updates. */
  pace: number;
  token: string;
  /** The incident id to write to; a fresh one when absent. */
  incidentId?: string;
}

export class DemoUsageError extends Error {
  override readonly name = 'DemoUsageError';
}

export const USAGE = `usage: npm run demo -- [--url http://127.0.0.1:3000] [--pace 1] [--incident <id>] [--token-file <file>]
Replays the At Tanf 2017 story into a running storyline through its HTTP API.
The token is STORYLINE_TOKEN, else the admin token file the service wrote beside its data
(<dir of the store file>/admin-token, as the service's settings in this environment resolve it).`;

function flags(argv: readonly string[]) {
  try {
    const values = parseFlags(argv, ['url', 'pace', 'incident', 'token-file'], ['help']);
    if (values.help) throw new DemoUsageError('');
    return values;
  } catch (error) {
    throw error instanceof FlagsError ? new DemoUsageError(error.message) : error;
  }
}

/** The admin token file the service writes at first start, resolved as the service does. */
export function defaultTokenFile(env: NodeJS.ProcessEnv): string {
  try {
    return path.join(loadConfig(env).dataDir, 'admin-token');
  } catch {
    return path.resolve('data', 'admin-token');
  }
}

export function parseDemoOptions(argv: readonly string[], env: NodeJS.ProcessEnv): DemoOptions {
  const values = flags(argv);
  const pace = Number(values.pace ?? '1');
  if (!Number.isFinite(pace) || pace < 0) throw new DemoUsageError('--pace takes seconds ≥ 0');
  const url = (values.url ?? `http://127.0.0.1:${env.PORT ?? '3000'}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(url))
    throw new DemoUsageError(`--url is not an http(s) URL: ${url}`);
  const incidentId = values.incident;
  if (incidentId !== undefined && !/^[a-z0-9][a-z0-9-]{2,63}$/.test(incidentId)) {
    throw new DemoUsageError(`--incident is not a valid incident id: ${incidentId}`);
  }
  let token = env.STORYLINE_TOKEN?.trim();
  if (!token) {
    const file = values['token-file'] ?? defaultTokenFile(env);
    try {
      token = fs.readFileSync(file, 'utf8').trim();
    } catch {
      throw new DemoUsageError(
        `no token: set STORYLINE_TOKEN, or start the service once so it writes ${file}, or pass --token-file`,
      );
    }
  }
  return { url, pace, token, incidentId };
}
