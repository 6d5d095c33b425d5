import { afterEach, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-idempotency-'));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const answer = (revision: number) => ({
  requestHash: `hash-${revision}`,
  response: { incidentId: 'i-1', eventId: `e-${revision}`, revision, position: String(revision) },
});

test('keeps the first answer of a (principal, key), across a reopen', () => {
  const file = path.join(dir, 'nested', 'read-model.db');
  const store = new SqliteIdempotencyStore(file);
  expect(store.find('rita', 'k')).toBeUndefined();
  store.save('rita', 'k', answer(1), new Date());
  store.save('rita', 'k', answer(2), new Date());
  store.save('eddie', 'k', answer(3), new Date());
  store.close();
  const reopened = new SqliteIdempotencyStore(file);
  expect(reopened.find('rita', 'k')).toEqual(answer(1));
  expect(reopened.find('eddie', 'k')).toEqual(answer(3));
  expect(reopened.find('rita', 'other')).toBeUndefined();
  reopened.close();
  reopened.close();
});
