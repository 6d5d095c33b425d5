import { afterAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import type { FeedEnvelope } from '../../src/feed/client/feed-types.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { connectFeed, Received, subscribe } from './feed-test-client.js';
import { openIncident, reportStatement, storedEnvelopes } from './feed-writes.js';

const positions = (events: FeedEnvelope[]) => events.map((e) => e.position);

describe('live feed across a server restart', () => {
  const booted: BootedApp[] = [];

  afterAll(async () => {
    for (const app of booted.slice(0, -1)) await app.stop();
    await booted[booted.length - 1]?.close();
  });

  test('clients reconnect to the new server and resume from their last position', async () => {
    const first = await bootApp();
    booted.push(first);
    await openIncident(first.url, 'at-tanf');
    await openIncident(first.url, 'side-story');
    const one = await connectFeed(first.url);
    const all = await connectFeed(first.url);
    const oneReceived = new Received(one);
    const allReceived = new Received(all);
    expect((await subscribe(one, { incidentId: 'at-tanf', after: '0' })).ok).toBe(true);
    expect((await subscribe(all, { after: '0' })).ok).toBe(true);
    let last = '0';
    for (let i = 0; i < 10; i++) {
      last = (await reportStatement(first.url, i % 2 ? 'side-story' : 'at-tanf', `before ${i}`))
        .position;
    }
    await allReceived.untilPosition(last);
    await oneReceived.until(() => oneReceived.events.length === 6, 'at-tanf before the restart');

    const disconnected = Promise.all(
      [one, all].map((s) => new Promise((resolve) => s.once('disconnect', resolve))),
    );
    await first.stop();
    // stopping the server closes the connections (the reason is the transport closing)
    expect(await disconnected).toHaveLength(2);

    const second = await bootApp({ dir: first.dir });
    booted.push(second);
    // written while the clients are away
    for (let i = 0; i < 10; i++) {
      await reportStatement(second.url, i % 2 ? 'side-story' : 'at-tanf', `after ${i}`);
    }
    const oneAgain = await connectFeed(second.url);
    const allAgain = await connectFeed(second.url);
    const oneAgainReceived = new Received(oneAgain);
    const allAgainReceived = new Received(allAgain);
    const resumeOne = positions(oneReceived.events).at(-1);
    const resumeAll = positions(allReceived.events).at(-1);
    expect((await subscribe(oneAgain, { incidentId: 'at-tanf', after: resumeOne })).ok).toBe(true);
    expect((await subscribe(allAgain, { after: resumeAll })).ok).toBe(true);
    // one more write after the resume, delivered live
    last = (await reportStatement(second.url, 'at-tanf', 'live after the restart')).position;
    await oneAgainReceived.untilPosition(last);
    await allAgainReceived.untilPosition(last);

    const store = second.app.get<EventStore>(EVENT_STORE);
    expect([...oneReceived.events, ...oneAgainReceived.events]).toEqual(
      await storedEnvelopes(store, 'at-tanf'),
    );
    expect([...allReceived.events, ...allAgainReceived.events]).toEqual(
      await storedEnvelopes(store),
    );
    oneAgain.disconnect();
    allAgain.disconnect();
  });
});
