import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { bootApp, TOKENS, type BootedApp } from '../support/boot.js';
import { connectFeed, openFeed, subscribe } from './feed-test-client.js';
import { openIncident } from './feed-writes.js';

/** The connect_error a refused connection gets. */
function refusal(url: string, token?: string): Promise<Error & { data?: unknown }> {
  const socket: Socket = openFeed(url, { token });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.disconnect();
      reject(new Error('connected'));
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.disconnect();
      resolve(error);
    });
  });
}

describe('live feed with private reads', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ env: { STORYLINE_PUBLIC_READ: 'false' } });
    await openIncident(booted.url, 'at-tanf');
  });

  afterAll(() => booted.close());

  test('no token: connect_error with a message', async () => {
    const error = await refusal(booted.url);
    expect(error.message).toBe('the feed needs a token: connect with auth: { token }');
    expect(error.data).toEqual({ status: 401 });
  });

  test('a wrong token, or one that is not a string: connect_error', async () => {
    expect((await refusal(booted.url, 'not-a-token')).message).toBe('the token is not valid');
    const socket = io42(booted.url);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(error.message).toBe('the token is not valid');
  });

  test('a good token connects and subscribes', async () => {
    const socket = await connectFeed(booted.url, { token: TOKENS.reporter });
    try {
      const ack = await subscribe(socket, { incidentId: 'at-tanf', after: '0' });
      expect(ack.ok).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  /** A client whose auth.token is a number. */
  function io42(url: string): Socket {
    const socket = openFeed(url);
    socket.auth = { token: 42 };
    return socket;
  }
});

describe('live feed with public reads', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });

  afterAll(() => booted.close());

  test('no token connects', async () => {
    const socket = await connectFeed(booted.url);
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });

  test('a token that is given but invalid is still refused', async () => {
    expect((await refusal(booted.url, 'forged')).message).toBe('the token is not valid');
  });

  test('a valid token connects', async () => {
    const socket = await connectFeed(booted.url, { token: TOKENS.editor });
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });
});
