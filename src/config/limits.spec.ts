import { describe, expect, test } from '@jest/globals';
import { ConfigError } from './environment.js';
import { loadLimits } from './limits.js';

describe('loadLimits', () => {
  test('defaults: no CORS origin, bounded reads, feed and writes', () => {
    expect(loadLimits({})).toEqual({
      corsOrigins: [],
      expensiveReads: 4,
      expensiveReadQueue: 32,
      readBudgetMs: 10_000,
      feedConnections: 10_000,
      feedConnectionsPerIp: 1000,
      feedQueuedBytes: 256 * 1024 * 1024,
      writeRate: 1000,
      writeBurst: 2000,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      minFreeBytes: 1024 * 1024,
    });
  });

  test('origins are parsed, lower-cased and checked', () => {
    expect(
      loadLimits({ STORYLINE_CORS_ORIGINS: 'https://News.example, http://localhost:8080' })
        .corsOrigins,
    ).toEqual(['https://news.example', 'http://localhost:8080']);
    expect(() => loadLimits({ STORYLINE_CORS_ORIGINS: '*' })).toThrow(/STORYLINE_CORS_ORIGINS/);
    expect(() => loadLimits({ STORYLINE_CORS_ORIGINS: 'https://a.example/path' })).toThrow(
      ConfigError,
    );
  });

  test.each([
    ['STORYLINE_EXPENSIVE_READS', '0'],
    ['STORYLINE_WRITE_RATE', 'fast'],
    ['STORYLINE_FEED_MAX_CONNECTIONS', '1.5'],
    ['STORYLINE_REQUEST_TIMEOUT_MS', '10'],
  ])('%s=%s stops the start, naming the variable', (name, value) => {
    expect(() => loadLimits({ [name]: value })).toThrow(new RegExp(name));
  });
});
