import { ConfigError } from './environment.js';

/** Every resource limit of issue 13, each a STORYLINE_* setting (README "Settings"). */
export interface Limits {
  /** Origins allowed by CORS and by the Socket.IO handshake; none by default. */
  corsOrigins: string[];
  /** Time-travel and diff reads computed at once; more wait in a queue. */
  expensiveReads: number;
  /** Expensive reads waiting for a turn; beyond it 503 + Retry-After. */
  expensiveReadQueue: number;
  /** How long one expensive read may take, waiting included, before a 503. */
  readBudgetMs: number;
  /** Feed connections in total, and from one address. */
  feedConnections: number;
  feedConnectionsPerIp: number;
  /** Bytes queued unsent for every feed client together; a client over its share gets `reset`. */
  feedQueuedBytes: number;
  /** Writes per second per token (a token bucket refilled at this rate), and its burst. */
  writeRate: number;
  writeBurst: number;
  /** Node's server.requestTimeout and headersTimeout: slow bodies and headers are cut. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Less free space than this on the store's or read model's filesystem: /health says 503. */
  minFreeBytes: number;
}

interface IntegerSetting {
  name: string;
  key: Exclude<keyof Limits, 'corsOrigins'>;
  fallback: number;
  min: number;
  max: number;
}

const INTEGERS: IntegerSetting[] = [
  { name: 'STORYLINE_EXPENSIVE_READS', key: 'expensiveReads', fallback: 4, min: 1, max: 1000 },
  {
    name: 'STORYLINE_EXPENSIVE_READ_QUEUE',
    key: 'expensiveReadQueue',
    fallback: 32,
    min: 0,
    max: 100_000,
  },
  {
    name: 'STORYLINE_READ_BUDGET_MS',
    key: 'readBudgetMs',
    fallback: 10_000,
    min: 10,
    max: 3_600_000,
  },
  {
    name: 'STORYLINE_FEED_MAX_CONNECTIONS',
    key: 'feedConnections',
    fallback: 10_000,
    min: 1,
    max: 1_000_000,
  },
  {
    name: 'STORYLINE_FEED_MAX_CONNECTIONS_PER_IP',
    key: 'feedConnectionsPerIp',
    fallback: 1000,
    min: 1,
    max: 1_000_000,
  },
  {
    name: 'STORYLINE_FEED_MAX_QUEUED_BYTES',
    key: 'feedQueuedBytes',
    fallback: 256 * 1024 * 1024,
    min: 1024,
    max: 2 ** 40,
  },
  { name: 'STORYLINE_WRITE_RATE', key: 'writeRate', fallback: 1000, min: 1, max: 1_000_000 },
  { name: 'STORYLINE_WRITE_BURST', key: 'writeBurst', fallback: 2000, min: 1, max: 10_000_000 },
  {
    name: 'STORYLINE_REQUEST_TIMEOUT_MS',
    key: 'requestTimeoutMs',
    fallback: 30_000,
    min: 1000,
    max: 3_600_000,
  },
  {
    name: 'STORYLINE_HEADERS_TIMEOUT_MS',
    key: 'headersTimeoutMs',
    fallback: 10_000,
    min: 1000,
    max: 3_600_000,
  },
  {
    name: 'STORYLINE_MIN_FREE_BYTES',
    key: 'minFreeBytes',
    fallback: 1024 * 1024,
    min: 0,
    max: 2 ** 50,
  },
];

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:]+\](:\d{1,5})?$/i;

/** Reads and validates the limits; throws ConfigError naming every bad variable. */
export function loadLimits(env: NodeJS.ProcessEnv): Limits {
  const problems: string[] = [];
  const limits = { corsOrigins: origins(env.STORYLINE_CORS_ORIGINS, problems) } as Limits;
  for (const setting of INTEGERS) {
    const raw = env[setting.name];
    const value = raw === undefined || raw === '' ? setting.fallback : Number(raw);
    if (!Number.isSafeInteger(value) || value < setting.min || value > setting.max) {
      problems.push(
        `${setting.name} must be an integer from ${setting.min} to ${setting.max} (default ${setting.fallback})`,
      );
    }
    limits[setting.key] = value;
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return limits;
}

function origins(raw: string | undefined, problems: string[]): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const bad = list.filter((entry) => !ORIGIN.test(entry));
  if (bad.length > 0) {
    problems.push(
      'STORYLINE_CORS_ORIGINS must be comma-separated origins such as https://newsroom.example:8443',
    );
  }
  return list.map((entry) => entry.toLowerCase());
}
