import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import type { SubscribeAck } from '../../src/feed/client/feed-types.js';
import { FEED_LIMITS } from '../../src/feed/feed-limits.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, Received, subscribe } from './feed-test-client.js';
import { openIncident, reportStatement } from './feed-writes.js';

type Ack = SubscribeAck | { ok: true };

/** Emits raw arguments (anything a client could send) and awaits the ack. */
function emitRaw(socket: Socket, event: string, ...args: unknown[]): Promise<Ack> {
  return socket.timeout(10_000).emitWithAck(event, ...args) as Promise<Ack>;
}

const BAD_SUBSCRIBE_PAYLOADS: [string, unknown[]][] = [
  ['no payload', []],
  ['a string', ['at-tanf']],
  ['a number', [42]],
  ['a boolean', [true]],
  ['null', [null]],
  ['an array', [['at-tanf']]],
  ['two payloads', [{}, {}]],
  ['binary', [Buffer.from('{"incidentId":"at-tanf"}')]],
  ['incidentId a number', [{ incidentId: 42 }]],
  ['incidentId an object', [{ incidentId: { $ne: null } }]],
  ['incidentId an array', [{ incidentId: ['at-tanf'] }]],
  ['incidentId null', [{ incidentId: null }]],
  ['incidentId upper case', [{ incidentId: 'AT-TANF' }]],
  ['incidentId too short', [{ incidentId: 'ab' }]],
  ['incidentId huge', [{ incidentId: 'a'.repeat(12_000) }]],
  ['after a number', [{ after: 5 }]],
  ['after an object', [{ after: { gt: '0' } }]],
  ['after negative', [{ after: '-1' }]],
  ['after a fraction', [{ after: '1.5' }]],
  ['after with a leading zero', [{ after: '01' }]],
  ['after too long', [{ after: '1'.repeat(21) }]],
  ['after huge', [{ after: '9'.repeat(12_000) }]],
  ['after empty', [{ after: '' }]],
  ['an unknown field', [{ incidentId: 'at-tanf', since: '0' }]],
  ['only unknown fields', [{ room: 'everything' }]],
  ['a __proto__ field', [JSON.parse('{"__proto__":{"polluted":true}}')]],
];

describe('live feed: bad payloads are refused in the ack, the socket lives on', () => {
  let booted: BootedApp;
  let socket: Socket;

  beforeAll(async () => {
    booted = await bootApp();
    await openIncident(booted.url, 'at-tanf');
    socket = await connectFeed(booted.url);
  });

  afterAll(async () => {
    socket.disconnect();
    await booted.close();
  });

  test.each(BAD_SUBSCRIBE_PAYLOADS)('subscribe with %s: 400', async (_name, args) => {
    const ack = await emitRaw(socket, 'subscribe', ...args);
    expect(ack).toMatchObject({ ok: false, error: { status: 400 } });
    if (ack.ok) return;
    expect(typeof ack.error.message).toBe('string');
    expect(ack.error.message.length).toBeGreaterThan(0);
    expect(ack.error.message.length).toBeLessThan(500);
    expect(socket.connected).toBe(true);
  });

  test('unsubscribe with bad payloads: 400', async () => {
    for (const payload of [42, 'x', null, { incidentId: 7 }, { incidentId: 'ok-id', x: 1 }]) {
      const ack = await emitRaw(socket, 'unsubscribe', payload);
      expect(ack).toMatchObject({ ok: false, error: { status: 400 } });
    }
  });

  test('the error message names the field and does not echo the value', async () => {
    const ack = await emitRaw(socket, 'subscribe', { incidentId: 'SECRET-VALUE', since: 1 });
    if (ack.ok) throw new Error('accepted');
    expect(ack.error.message).toContain('incidentId');
    expect(ack.error.message).toContain('since');
    expect(ack.error.message).not.toContain('SECRET-VALUE');
  });

  test('messages without an ack callback crash nothing; the socket still works', async () => {
    socket.emit('subscribe', { incidentId: 42 });
    socket.emit('subscribe', 'nonsense');
    socket.emit('subscribe');
    socket.emit('unsubscribe', null);
    socket.emit('no-such-message', { a: 1 });
    // a valid subscribe without an ack still subscribes
    socket.emit('subscribe', { incidentId: 'at-tanf' });
    const received = new Received(socket);
    const ack = await emitRaw(socket, 'subscribe', { incidentId: 'at-tanf', after: '0' });
    expect(ack.ok).toBe(true);
    const write = await reportStatement(booted.url, 'at-tanf', 'still alive');
    await received.untilPosition(write.position);
    expect(socket.connected).toBe(true);
    // once each: the ack-less subscribe was replaced by the later one, not doubled
    expect(received.positions().filter((p) => p === write.position)).toHaveLength(1);
  });

  test(`more than ${FEED_LIMITS.maxSubscriptions} subscriptions on one socket: 429`, async () => {
    const many = await connectFeed(booted.url);
    try {
      const ids = Array.from({ length: FEED_LIMITS.maxSubscriptions }, (_, i) => `many-${i}`);
      for (const id of ids) await openIncident(booted.url, id);
      for (const id of ids) expect((await subscribe(many, { incidentId: id })).ok).toBe(true);
      const over = await subscribe(many, { incidentId: 'at-tanf' });
      expect(over).toMatchObject({ ok: false, error: { status: 429 } });
      // replacing an existing scope is not a new one
      expect((await subscribe(many, { incidentId: ids[0], after: '0' })).ok).toBe(true);
    } finally {
      many.disconnect();
    }
  });

  test('a message over the 16 kB limit closes only that connection; the server lives on', async () => {
    const big = await connectFeed(booted.url);
    const closed = new Promise<string>((resolve) => big.once('disconnect', resolve));
    big.emit('subscribe', { incidentId: 'a'.repeat(20_000) }, () => undefined);
    expect(await closed).toBe('transport close');
    const health = await request(booted.url).get('/health');
    expect(health.status).toBe(200);
    expect((await subscribe(socket, { incidentId: 'at-tanf' })).ok).toBe(true);
  });
});
