import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

/** The two SQLite drivers in package.json: better-sqlite3 12 and (aliased) 13. */
export type SqliteDriverPackage = 'better-sqlite3' | 'better-sqlite3-13';

/**
 * Which driver this Node needs. better-sqlite3 before 13 aborts the process on Node 24.19+
 * (a garbage collection outside JavaScript finalises a Statement, whose destructor asserts an
 * environment); 13 needs Node 22+ (on Node 20 it loads and then crashes). So: 13 from Node 22 on,
 * 12 below. Both have the same API, so the types of `@types/better-sqlite3` describe both.
 */
export function sqliteDriverFor(nodeVersion: string): SqliteDriverPackage {
  const major = Number(nodeVersion.split('.')[0]);
  if (!Number.isInteger(major) || major <= 0) {
    throw new Error(`Unreadable Node version "${nodeVersion}"`);
  }
  return major >= 22 ? 'better-sqlite3-13' : 'better-sqlite3';
}

/** The driver this process uses, chosen once from the running Node's version. */
export const SQLITE_DRIVER: SqliteDriverPackage = sqliteDriverFor(process.versions.node);

const require = createRequire(import.meta.url);
let driver: typeof Database | undefined;

function loaded(): typeof Database {
  // CommonJS packages, loaded synchronously; only the chosen one is ever loaded
  driver ??= require(SQLITE_DRIVER) as typeof Database;
  return driver;
}

/**
 * Opens a SQLite database with the driver this Node needs. Every SQLite connection in storyline
 * (event store, read model, idempotency keys, migrate, tests, benches) is opened here.
 */
export function openSqlite(file: string, options?: Database.Options): Database.Database {
  const Driver = loaded();
  return new Driver(file, options);
}

/**
 * Whether `error` is the driver's SqliteError (an error SQLite itself reported). By shape as well
 * as by class: the native addon keeps the SqliteError class of the first copy of the driver loaded
 * in the process, and a test runner with one module registry per file loads several copies.
 */
export function isSqliteError(error: unknown): error is Database.SqliteError {
  if (error instanceof loaded().SqliteError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && typeof code === 'string' && code.startsWith('SQLITE_');
}

/** The version of the driver package in use, for the start-up log. */
export function sqliteDriverVersion(): string {
  return (require(`${SQLITE_DRIVER}/package.json`) as { version: string }).version;
}
