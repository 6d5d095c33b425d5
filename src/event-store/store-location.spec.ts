import { describe, expect, test } from '@jest/globals';
import {
  StoreLocationError,
  describeStoreLocation,
  parseStoreLocation,
  redactConnectionString,
} from './store-location.js';

describe('parseStoreLocation', () => {
  test('sqlite:<file> names the embedded store', () => {
    expect(parseStoreLocation('sqlite:./data/storyline.db')).toEqual({
      kind: 'sqlite',
      file: './data/storyline.db',
    });
    expect(parseStoreLocation('  sqlite:/var/lib/storyline/log.db ')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/storyline/log.db',
    });
  });

  test('kurrentdb:// and kurrentdb+discover:// connection strings pass through unchanged', () => {
    const single = 'kurrentdb://admin:changeit@localhost:2113?tls=false';
    const cluster = 'kurrentdb+discover://admin:changeit@cluster.dns:2113?tlsVerifyCert=false';
    expect(parseStoreLocation(single)).toEqual({ kind: 'kurrentdb', connectionString: single });
    expect(parseStoreLocation(cluster)).toEqual({ kind: 'kurrentdb', connectionString: cluster });
  });

  test('esdb:// is the same store, rewritten to the maintained scheme', () => {
    expect(parseStoreLocation('esdb://node1:2113,node2:2113,node3:2113?tls=false')).toEqual({
      kind: 'kurrentdb',
      connectionString: 'kurrentdb://node1:2113,node2:2113,node3:2113?tls=false',
    });
    expect(parseStoreLocation('esdb+discover://dns:2113')).toEqual({
      kind: 'kurrentdb',
      connectionString: 'kurrentdb+discover://dns:2113',
    });
  });

  test('postgres:// and postgresql:// connection strings name the PostgreSQL store', () => {
    for (const url of [
      'postgres://storyline:secret@db:5432/storyline',
      'postgresql://localhost/storyline?sslmode=require',
    ]) {
      expect(parseStoreLocation(url)).toEqual({ kind: 'postgres', connectionString: url });
    }
    expect(
      describeStoreLocation({ kind: 'postgres', connectionString: 'postgres://u:p@h/db' }),
    ).toBe('postgres://u:***@h/db');
  });

  test('anything else is refused with a message naming the variable', () => {
    for (const bad of [
      '',
      'postgres:///storyline',
      'postgresql://?host=x',
      'sqlite:',
      'kurrentdb://',
      'kurrentdb://?tls=false',
      'file.db',
    ]) {
      expect(() => parseStoreLocation(bad)).toThrow(StoreLocationError);
      expect(() => parseStoreLocation(bad)).toThrow(/STORYLINE_STORE/);
    }
    expect(() => parseStoreLocation('mysql://a', 'TARGET')).toThrow(/^TARGET must be/);
  });

  test('a refused value never shows its password', () => {
    expect(() => parseStoreLocation('redis://admin:s3cret@host')).toThrow(/admin:\*\*\*@host/);
    expect(() => parseStoreLocation('redis://admin:s3cret@host')).not.toThrow(/s3cret/);
  });
});

describe('redactConnectionString', () => {
  test('hides the password, keeps the user, hosts and options', () => {
    expect(redactConnectionString('kurrentdb://admin:changeit@a:2113,b:2113?tls=false')).toBe(
      'kurrentdb://admin:***@a:2113,b:2113?tls=false',
    );
    expect(redactConnectionString('kurrentdb://ops@a:2113')).toBe('kurrentdb://ops:***@a:2113');
  });

  test('leaves a string without credentials as it is', () => {
    expect(redactConnectionString('kurrentdb://localhost:2113?tls=false')).toBe(
      'kurrentdb://localhost:2113?tls=false',
    );
    expect(redactConnectionString('sqlite:./a@b.db')).toBe('sqlite:./a@b.db');
  });

  test('describeStoreLocation is safe to log for both kinds', () => {
    expect(describeStoreLocation({ kind: 'sqlite', file: '/d/s.db' })).toBe('sqlite:/d/s.db');
    expect(
      describeStoreLocation({ kind: 'kurrentdb', connectionString: 'kurrentdb://u:p@h:2113' }),
    ).toBe('kurrentdb://u:***@h:2113');
  });
});
