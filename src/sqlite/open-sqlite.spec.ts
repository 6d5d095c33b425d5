import { describe, expect, test } from '@jest/globals';
import {
  isSqliteError,
  openSqlite,
  SQLITE_DRIVER,
  sqliteDriverFor,
  sqliteDriverVersion,
} from './open-sqlite.js';

describe('sqliteDriverFor', () => {
  test('better-sqlite3 12 below Node 22, 13 from Node 22 on', () => {
    expect(sqliteDriverFor('20.20.2')).toBe('better-sqlite3');
    expect(sqliteDriverFor('21.7.3')).toBe('better-sqlite3');
    expect(sqliteDriverFor('22.0.0')).toBe('better-sqlite3-13');
    expect(sqliteDriverFor('24.21.0')).toBe('better-sqlite3-13');
    expect(sqliteDriverFor('26.1.0')).toBe('better-sqlite3-13');
  });

  test('refuses a version it cannot read', () => {
    expect(() => sqliteDriverFor('v24')).toThrow('Unreadable Node version "v24"');
    expect(() => sqliteDriverFor('')).toThrow('Unreadable Node version');
  });
});

describe('openSqlite on this Node', () => {
  test('loads the driver chosen for the running Node', () => {
    expect(SQLITE_DRIVER).toBe(sqliteDriverFor(process.versions.node));
    const major = Number(sqliteDriverVersion().split('.')[0]);
    expect(major).toBe(SQLITE_DRIVER === 'better-sqlite3-13' ? 13 : 12);
  });

  test('opens a working database', () => {
    const db = openSqlite(':memory:');
    try {
      db.exec('CREATE TABLE t (a INTEGER NOT NULL)');
      db.prepare('INSERT INTO t (a) VALUES (?)').run(41);
      expect(db.prepare('SELECT a + 1 AS b FROM t').get()).toEqual({ b: 42 });
      expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
    } finally {
      db.close();
    }
    expect(db.open).toBe(false);
  });

  test("tells the driver's SqliteError from other errors", () => {
    const db = openSqlite(':memory:');
    let thrown: unknown;
    try {
      db.exec('SELEC 1');
    } catch (error) {
      thrown = error;
    } finally {
      db.close();
    }
    expect(isSqliteError(thrown)).toBe(true);
    expect(isSqliteError(new Error('SQLITE_ERROR'))).toBe(false);
    expect(isSqliteError({ name: 'SqliteError', code: 'EACCES' })).toBe(false);
    expect(isSqliteError('SqliteError')).toBe(false);
  });
});
