import { describe, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests use: STORYLINE_TEST_POSTGRES, set by the developer or by the
 * Jest globalSetup that starts a throwaway cluster (test/support/postgres-global-setup.mjs).
 */
export const testPostgres = process.env.STORYLINE_TEST_POSTGRES;

/** Why the PostgreSQL tests cannot run here, printed with the skipped test. */
export const postgresSkipReason = `STORYLINE_TEST_POSTGRES is not set and no cluster could be started (${process.env.STORYLINE_TEST_POSTGRES_SKIPPED ?? 'unknown reason'})`;

/** `describe` when a server is there; otherwise one skipped test that says why. */
export function describeWithPostgres(name: string, body: (server: string) => void): void {
  if (testPostgres) {
    describe(name, () => body(testPostgres));
    return;
  }
  const reason = `${name} skipped: ${postgresSkipReason}`;
  console.warn(reason);
  describe(name, () => test.skip(reason, () => undefined));
}

/** The server's URL with another database name. */
export function withDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an empty database of its own for one test file, and returns its URL. */
export async function freshDatabase(server: string, label: string): Promise<string> {
  const name = `storyline_${label}_${randomUUID().slice(0, 8)}`.replace(/[^a-z0-9_]/g, '_');
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(server, name);
}
