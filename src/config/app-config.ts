import path from 'node:path';
import { validateEnvironment } from './environment.js';
import { loadLimits, type Limits } from './limits.js';

export type Role = 'reporter' | 'editor' | 'admin';

export interface TokenEntry {
  name: string;
  role: Role;
  token: string;
}

/** storyline's settings, read once at start (API.md "Running"). Inject it by this class. */
export class AppConfig {
  port: number;
  host: string;
  /** The event store: `sqlite:<file>` or a KurrentDB / EventStoreDB connection string. */
  store: string;
  /** The read-model SQLite file. */
  readModelFile: string;
  /** Configured tokens; empty when STORYLINE_TOKENS is unset (an admin token file is made). */
  tokens: TokenEntry[];
  publicRead: boolean;
  /** Body limit as express understands it, e.g. '64kb'. */
  maxBody: string;
  demo: boolean;
  /** Where files beside the data (the generated admin token) live. */
  dataDir: string;
  /** Resource limits (src/config/limits.ts). */
  limits: Limits;
}

function sqliteFile(location: string): string {
  return path.resolve(location.slice('sqlite:'.length));
}

/** Reads and validates the settings; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = validateEnvironment(env);
  const store = e.STORYLINE_STORE ?? 'sqlite:./data/storyline.db';
  const embedded = store.startsWith('sqlite:');
  const readModel = e.STORYLINE_READ_MODEL ?? (embedded ? store : 'sqlite:./data/read-model.db');
  const readModelFile = sqliteFile(readModel);
  const config = new AppConfig();
  config.port = e.PORT ?? 3000;
  config.host = e.HOST ?? '127.0.0.1';
  config.store = embedded ? `sqlite:${sqliteFile(store)}` : store;
  config.readModelFile = readModelFile;
  config.tokens = (e.STORYLINE_TOKENS ?? '')
    .split(',')
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [name, role, token] = entry.split(':');
      return { name, role: role as Role, token };
    });
  config.publicRead = (e.STORYLINE_PUBLIC_READ ?? 'true') === 'true';
  config.maxBody = (e.STORYLINE_MAX_BODY ?? '64kb').toLowerCase();
  config.demo = (e.STORYLINE_DEMO ?? 'true') === 'true';
  config.dataDir = path.dirname(embedded ? sqliteFile(store) : readModelFile);
  config.limits = loadLimits(env);
  return config;
}
