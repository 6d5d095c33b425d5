import { describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { StoreUnavailable } from '../event-store.js';
import { isUnavailable, toStoreError } from './postgres-rows.js';

function databaseError(code: string): pg.DatabaseError {
  const error = new pg.DatabaseError(`failed with ${code}`, 0, 'error');
  error.code = code;
  return error;
}

describe('mapping PostgreSQL failures to the port', () => {
  test('connection, resource, shutdown and system errors mean the server is unavailable', () => {
    for (const code of ['08006', '08001', '53300', '57P01', '57P03', '58030'])
      expect(toStoreError(databaseError(code))).toBeInstanceOf(StoreUnavailable);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(isUnavailable(refused)).toBe(true);
    expect(toStoreError(refused)).toMatchObject({ name: 'StoreUnavailable', cause: refused });
  });

  test('other SQL errors are bugs, passed through as they are', () => {
    for (const code of ['23505', '42P01', '22P02']) {
      const error = databaseError(code);
      expect(isUnavailable(error)).toBe(false);
      expect(toStoreError(error)).toBe(error);
    }
  });
});
