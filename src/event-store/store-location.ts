/**
 * Where the event log lives, parsed from a setting such as STORYLINE_STORE: the embedded SQLite
 * file (`sqlite:<file>`), a KurrentDB / EventStoreDB connection string, or a PostgreSQL one.
 */
export type StoreLocation =
  | { kind: 'sqlite'; file: string }
  | { kind: 'kurrentdb'; connectionString: string }
  | { kind: 'postgres'; connectionString: string };

/** A store setting that cannot be used; the message names the variable. */
export class StoreLocationError extends Error {
  override readonly name = 'StoreLocationError';
}

const SCHEMES = /^(kurrentdb|esdb)(\+discover)?:\/\/(.+)$/;
const POSTGRES = /^postgres(ql)?:\/\/(.+)$/;

/**
 * Parses a store setting. `esdb://` is rewritten to `kurrentdb://` (same meaning; the client
 * warns on the old name). Anything else throws a StoreLocationError naming `variable`.
 */
export function parseStoreLocation(value: string, variable = 'STORYLINE_STORE'): StoreLocation {
  const trimmed = value.trim();
  if (trimmed.startsWith('sqlite:')) {
    const file = trimmed.slice('sqlite:'.length);
    if (file.length === 0) {
      throw new StoreLocationError(
        `${variable} must name a file after sqlite:, e.g. sqlite:./data/storyline.db`,
      );
    }
    return { kind: 'sqlite', file };
  }
  const match = SCHEMES.exec(trimmed);
  if (match) {
    const [, , discover = '', rest] = match;
    if (rest.startsWith('/') || rest.startsWith('?') || rest.startsWith('@')) {
      throw new StoreLocationError(
        `${variable} has no host: ${redactConnectionString(trimmed)} (e.g. kurrentdb://localhost:2113?tls=false)`,
      );
    }
    return { kind: 'kurrentdb', connectionString: `kurrentdb${discover}://${rest}` };
  }
  const postgres = POSTGRES.exec(trimmed);
  if (postgres) {
    const rest = postgres[2];
    if (rest.startsWith('/') || rest.startsWith('?') || rest.endsWith('@'))
      throw new StoreLocationError(
        `${variable} has no host: ${redactConnectionString(trimmed)} (e.g. postgres://storyline@localhost:5432/storyline)`,
      );
    return { kind: 'postgres', connectionString: trimmed };
  }
  throw new StoreLocationError(
    `${variable} must be sqlite:<file>, a kurrentdb://… / esdb://… or a postgres://… connection string, got ${JSON.stringify(redactConnectionString(trimmed))}`,
  );
}

/** The connection string with any password replaced by ***, safe to log. */
export function redactConnectionString(value: string): string {
  return value.replace(/^([a-z+]+:\/\/)([^@/?]*)@/i, (_whole, scheme: string, userInfo: string) => {
    const colon = userInfo.indexOf(':');
    const user = colon === -1 ? userInfo : userInfo.slice(0, colon);
    return `${scheme}${user}:***@`;
  });
}

/** A one-line description of a location for logs and /health, without credentials. */
export function describeStoreLocation(location: StoreLocation): string {
  return location.kind === 'sqlite'
    ? `sqlite:${location.file}`
    : redactConnectionString(location.connectionString);
}
