import { describe, expect, test } from '@jest/globals';
import { TokenRegistry } from './token-registry.js';

describe('TokenRegistry', () => {
  const registry = new TokenRegistry([
    { name: 'ana', role: 'reporter', token: 'token-of-ana' },
    { name: 'bo', role: 'editor', token: 'token-of-bo' },
  ]);

  test('a known token names its principal, the same answer when it is given again', () => {
    expect(registry.resolve('token-of-ana')).toEqual({ name: 'ana', role: 'reporter' });
    expect(registry.resolve('token-of-ana')).toEqual({ name: 'ana', role: 'reporter' });
    expect(registry.resolve('token-of-bo')).toEqual({ name: 'bo', role: 'editor' });
  });

  test('an unknown token is refused every time, remembered or not', () => {
    expect(registry.resolve('token-of-eve')).toBeUndefined();
    expect(registry.resolve('token-of-eve')).toBeUndefined();
    expect(registry.resolve('token-of-an')).toBeUndefined();
  });

  test('many other strings in between change no answer', () => {
    expect(registry.resolve('token-of-bo')).toEqual({ name: 'bo', role: 'editor' });
    for (let i = 0; i < 100; i++) expect(registry.resolve(`guess-${i}`)).toBeUndefined();
    expect(registry.resolve('token-of-bo')).toEqual({ name: 'bo', role: 'editor' });
    expect(registry.resolve('guess-0')).toBeUndefined();
  });
});
