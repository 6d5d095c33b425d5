import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { loadConfig } from './app-config.js';
import { ConfigError } from './environment.js';

describe('loadConfig', () => {
  test('defaults follow API.md "Running"', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      store: `sqlite:${path.resolve('data/storyline.db')}`,
      readModelFile: path.resolve('data/storyline.db'),
      tokens: [],
      publicRead: true,
      maxBody: '64kb',
      demo: true,
      dataDir: path.resolve('data'),
    });
  });

  test('KurrentDB keeps its read model in a local file by default', () => {
    const config = loadConfig({ STORYLINE_STORE: 'kurrentdb://localhost:2113?tls=false' });
    expect(config.store).toBe('kurrentdb://localhost:2113?tls=false');
    expect(config.readModelFile).toBe(path.resolve('data/read-model.db'));
  });

  test('PostgreSQL, a shared store too, keeps its read model in a local file by default', () => {
    const config = loadConfig({ STORYLINE_STORE: 'postgres://storyline@db:5432/storyline' });
    expect(config.store).toBe('postgres://storyline@db:5432/storyline');
    expect(config.readModelFile).toBe(path.resolve('data/read-model.db'));
  });

  test('tokens are parsed into name, role and token', () => {
    const config = loadConfig({
      STORYLINE_TOKENS: 'rita:reporter:0123456789abcdef,ada:admin:fedcba9876543210',
    });
    expect(config.tokens).toEqual([
      { name: 'rita', role: 'reporter', token: '0123456789abcdef' },
      { name: 'ada', role: 'admin', token: 'fedcba9876543210' },
    ]);
  });

  test.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['HOST', 'my host'],
    ['STORYLINE_STORE', 'mysql://db'],
    ['STORYLINE_READ_MODEL', './file.db'],
    ['STORYLINE_TOKENS', 'rita:writer:0123456789abcdef'],
    ['STORYLINE_TOKENS', 'rita:reporter:short'],
    ['STORYLINE_PUBLIC_READ', 'yes'],
    ['STORYLINE_MAX_BODY', 'lots'],
    ['STORYLINE_DEMO', '1'],
  ])('a bad %s (%s) stops start-up with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
