import { describe, expect, test } from '@jest/globals';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { ReplaceableClient } from './replaceable-client.js';

// real clients; they connect lazily, so none of these ever opens a connection
const create = () =>
  KurrentDBClient.connectionString('kurrentdb://127.0.0.1:1,127.0.0.1:2?tls=false');

describe('ReplaceableClient', () => {
  test('replacing the current client gives a new one, once however many failures report it', async () => {
    const clients = new ReplaceableClient(create);
    const first = clients.current();
    expect(clients.replace(first)).toBe(true);
    const second = clients.current();
    expect(second).not.toBe(first);
    expect(second).toBeInstanceOf(KurrentDBClient);
    // a second append that failed on the first client does not replace the new one
    expect(clients.replace(first)).toBe(false);
    expect(clients.current()).toBe(second);
    expect(clients.generation).toBe(1);
    await clients.dispose();
  });
});
