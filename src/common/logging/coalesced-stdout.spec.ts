import { expect, test } from '@jest/globals';
import { CoalescedWriter } from './coalesced-stdout.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

test('the lines of one turn go out together, in order, once the turn is over', async () => {
  const writes: string[] = [];
  const writer = new CoalescedWriter((text) => writes.push(text));
  writer.write('a\n');
  writer.write('b\n');
  writer.write('c\n');
  expect(writes).toEqual([]);
  await nextTurn();
  expect(writes).toEqual(['a\nb\nc\n']);
  writer.write('d\n');
  await nextTurn();
  expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
});

test('flush writes what is pending at once, and nothing twice', async () => {
  const writes: string[] = [];
  const writer = new CoalescedWriter((text) => writes.push(text));
  writer.write('last words\n');
  writer.flush();
  expect(writes).toEqual(['last words\n']);
  await nextTurn();
  writer.flush();
  expect(writes).toEqual(['last words\n']);
});
