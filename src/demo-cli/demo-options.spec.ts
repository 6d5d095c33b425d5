import { describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DemoUsageError, defaultTokenFile, parseDemoOptions } from './demo-options.js';

describe('parseDemoOptions', () => {
  test('takes the token from STORYLINE_TOKEN and the defaults for the rest', () => {
    const options = parseDemoOptions([], { STORYLINE_TOKEN: 'secret-token' });
    expect(options).toEqual({
      url: 'http://127.0.0.1:3000',
      pace: 1,
      token: 'secret-token',
      incidentId: undefined,
    });
  });

  test('reads flags in both --name value and --name=value forms', () => {
    const options = parseDemoOptions(
      ['--pace', '0.25', '--url=http://127.0.0.1:4000/', '--incident', 'at-tanf-x'],
      {
        STORYLINE_TOKEN: 't',
      },
    );
    expect(options).toMatchObject({
      url: 'http://127.0.0.1:4000',
      pace: 0.25,
      incidentId: 'at-tanf-x',
    });
  });

  test('reads the admin token file beside the store file the service would use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-'));
    fs.writeFileSync(path.join(dir, 'admin-token'), 'from-the-file\n', { mode: 0o600 });
    const env = { STORYLINE_STORE: `sqlite:${path.join(dir, 'story.db')}` };
    expect(defaultTokenFile(env)).toBe(path.join(dir, 'admin-token'));
    expect(parseDemoOptions([], env).token).toBe('from-the-file');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('refuses bad input with a usage error', () => {
    const env = { STORYLINE_TOKEN: 't' };
    for (const [argv, message] of [
      [['--pace=-1'], '--pace takes seconds ≥ 0'],
      [['--pace', '-1'], '--pace needs a value (one that starts with "-" is written --pace=-1)'],
      [['--pace'], '--pace needs a value'],
      [['--url', 'ftp://x'], '--url is not an http(s) URL: ftp://x'],
      [['--incident', 'A!'], '--incident is not a valid incident id: A!'],
      [['--what', '1'], 'unknown argument "--what"'],
      [['extra'], 'unexpected argument "extra"'],
      [['--help'], ''],
    ] as const) {
      expect(() => parseDemoOptions(argv, env)).toThrow(new DemoUsageError(message));
    }
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-'));
    expect(() =>
      parseDemoOptions([], { STORYLINE_STORE: `sqlite:${path.join(empty, 'x.db')}` }),
    ).toThrow(/no token/);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
