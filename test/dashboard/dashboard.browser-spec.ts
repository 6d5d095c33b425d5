import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { bootApp, type BootedApp } from '../support/boot.js';
import { killed, openIncident, reuters, statement, write } from './support/api-writes.js';
import { describeInChromium, launchChromium, type Browser } from './support/chromium.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

/** The part of the page's socket.io-client Socket the connection-drop test handles. */
interface FeedSocketHandle {
  io: { reconnection(on: boolean): unknown; engine: { close(): void } };
  connect(): unknown;
}

/** "Appear within a second": every wait for a live update is bounded by this. */
const LIVE_MS = 1000;

describeInChromium('the dashboard in Chromium, on the real app', () => {
  let booted: BootedApp;
  let browser: Browser;
  let page: Page;

  const byTestId = (id: string, attrs = '') => page.locator(`[data-testid="${id}"]${attrs}`);
  const openIncidentPage = async (id: string): Promise<void> => {
    await page.goto(`${booted.url}/#/incidents/${id}`);
    await byTestId('incident-page', '[data-feed="live"]').waitFor();
  };

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp();
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.close();
  });

  test('the incidents list shows new incidents and updates live, filtered by status and text', async () => {
    await page.goto(`${booted.url}/`);
    // The list is empty (zero height) on a fresh store: wait for it in the DOM, not visible.
    await byTestId('incidents-list', '[data-feed="live"]').waitFor({ state: 'attached' });
    await byTestId('connection-status', '[data-state="connected"]').waitFor();

    await openIncident(booted.url, 'list-live', 'Shelling of the Lakeside market');
    const row = byTestId('incident-row', '[data-incident-id="list-live"]');
    await row.waitFor({ timeout: LIVE_MS });
    expect(await row.getByTestId('incident-status').textContent()).toBe('developing');

    await write(booted.url, '/incidents/list-live/casualty-reports', {
      attribution: reuters,
      reportedAt: new Date().toISOString(),
      figures: killed(4, 4),
    });
    await row
      .getByTestId('incident-casualties')
      .getByText('4', { exact: true })
      .waitFor({ timeout: LIVE_MS });

    await byTestId('incidents-status-filter').selectOption('confirmed');
    await row.waitFor({ state: 'detached' });
    await write(booted.url, '/incidents/list-live/status', { status: 'confirmed' });
    await row.waitFor({ timeout: LIVE_MS });

    await openIncident(booted.url, 'list-other', 'Flooding in the river valley');
    await byTestId('incidents-status-filter').selectOption('');
    await byTestId('incident-row', '[data-incident-id="list-other"]').waitFor();
    await byTestId('incidents-search').fill('lakeside');
    await byTestId('incident-row', '[data-incident-id="list-other"]').waitFor({
      state: 'detached',
    });
    expect(await byTestId('incident-row').count()).toBe(1);
  });

  test('claims and timeline entries posted through the API appear within a second', async () => {
    await openIncident(booted.url, 'page-live', 'Strike near the border crossing');
    await statement(booted.url, 'page-live', 'A convoy was struck.', { claimId: 'c-first' });
    await openIncidentPage('page-live');
    await byTestId('claim', '[data-claim-id="c-first"]').waitFor();

    const chain = [{ name: 'an unnamed official', kind: 'official', named: false }, ...reuters];
    const posted = await statement(booted.url, 'page-live', 'Warning shots were fired first.', {
      claimId: 'c-second',
      topic: 'context',
      attribution: chain,
      reportedAt: '2017-05-18T16:00:00Z',
    });
    const claim = byTestId('claim', '[data-claim-id="c-second"]');
    await claim.waitFor({ timeout: LIVE_MS });
    await byTestId('timeline-entry', `[data-event-id="${posted.eventId}"]`).waitFor({
      timeout: LIVE_MS,
    });
    expect(await claim.getByTestId('attribution').textContent()).toMatch(
      /an unnamed official.*unnamed.*→.*Reuters/,
    );
    // Reported in 2017, recorded now: the entry says it is back-dated.
    await byTestId('timeline-entry', `[data-event-id="${posted.eventId}"]`)
      .getByTestId('timeline-backdated')
      .waitFor();

    await write(booted.url, '/incidents/page-live/claims/c-first/disputes', {
      disputedByClaimId: 'c-second',
    });
    await byTestId('claim', '[data-claim-id="c-first"][data-state="disputed"]').waitFor({
      timeout: LIVE_MS,
    });
    await write(booted.url, '/incidents/page-live/claims/c-second/retractions', {
      attribution: chain,
      reportedAt: new Date().toISOString(),
      reason: 'the official withdrew it',
    });
    await claim.locator('del').waitFor({ timeout: LIVE_MS });
    expect(await claim.getByTestId('claim-retraction').textContent()).toContain(
      'the official withdrew it',
    );
    expect(browser.pageErrors).toEqual([]);
  });

  test('stepping the replay back shows the earlier casualty figures; Live comes back', async () => {
    await openIncident(booted.url, 'replay', 'Casualties revised');
    const first = await write(booted.url, '/incidents/replay/casualty-reports', {
      claimId: 'c-toll',
      attribution: reuters,
      reportedAt: '2017-05-18T19:05:00Z',
      figures: killed(4, 4),
    });
    await write(booted.url, '/incidents/replay/claims/c-toll/revisions', {
      attribution: reuters,
      reportedAt: '2017-05-18T20:00:00Z',
      figures: killed(7, 9),
      note: 'hospital figures',
    });
    await openIncidentPage('replay');
    const range = byTestId('casualty-line', '[data-measure="killed"]').getByTestId(
      'casualty-range',
    );
    expect(await range.textContent()).toBe('7–9');
    await byTestId('casualty-chart').waitFor();

    await byTestId('replay-back').click();
    await byTestId('incident-page', `[data-revision="${first.revision}"]`).waitFor();
    expect(await range.textContent()).toBe('4');
    expect(await byTestId('replay-mode').textContent()).toContain(
      `step ${first.revision} of ${first.revision + 1}`,
    );
    expect(await byTestId('claim', '[data-claim-id="c-toll"]').getAttribute('data-change')).toBe(
      'new',
    );

    await byTestId('replay-live').click();
    await byTestId('incident-page', `[data-revision="${first.revision + 1}"]`).waitFor();
    expect(await range.textContent()).toBe('7–9');

    // "As reported by" 19:30 on the day: the revision (reported 20:00) is not in that view.
    await byTestId('replay-reportedby-input').fill('2017-05-18T19:30');
    await byTestId('replay-reportedby').getByRole('button', { name: 'Show' }).click();
    await byTestId('replay-mode').getByText('As reported by').waitFor();
    await range.getByText('4', { exact: true }).waitFor();
  });

  test("a claim's history shows each version, who recorded it and what changed", async () => {
    await openIncident(booted.url, 'audit', 'Audited claim');
    await statement(booted.url, 'audit', 'Six were killed.', { claimId: 'c-audit' });
    await openIncidentPage('audit');
    await write(
      booted.url,
      '/incidents/audit/claims/c-audit/corrections',
      { text: 'Sixteen were killed.', reason: 'transcription error' },
      'editor',
    );
    const claim = byTestId('claim', '[data-claim-id="c-audit"][data-state="corrected"]');
    await claim.waitFor({ timeout: LIVE_MS });
    expect(await claim.getByTestId('claim-correction').textContent()).toContain('eddie');

    await claim.getByTestId('claim-history-button').click();
    const dialog = byTestId('history-dialog');
    await dialog.getByTestId('history-version').nth(1).waitFor();
    const recordedBy = await dialog.getByTestId('history-recorded-by').allTextContents();
    expect(recordedBy).toEqual(['rita', 'eddie']);
    const text = dialog
      .getByTestId('history-version')
      .nth(1)
      .locator('[data-testid="history-change"][data-field="text"]');
    expect(await text.locator('.before').textContent()).toBe('Six were killed.');
    expect(await text.locator('.after').textContent()).toBe('Sixteen were killed.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('after a dropped connection the page resumes with nothing missing and nothing twice', async () => {
    await openIncident(booted.url, 'resume', 'Resume after a drop');
    await statement(booted.url, 'resume', 'before the drop');
    await openIncidentPage('resume');

    // Drop the transport as a failing network would, and hold the socket down (no automatic
    // reconnection) until the writes are in, so the page really misses them.
    await page.evaluate(() => {
      const { socket } = (window as unknown as { storylineFeed: { socket: FeedSocketHandle } })
        .storylineFeed;
      socket.io.reconnection(false);
      socket.io.engine.close();
    });
    await byTestId('connection-status', '[data-state="disconnected"]').waitFor();
    await byTestId('incident-page', '[data-feed="waiting"]').waitFor();
    const missed = [];
    for (let i = 0; i < 3; i++) {
      missed.push(await statement(booted.url, 'resume', `while offline ${i}`));
    }
    expect(await byTestId('timeline-entry').count()).toBe(2);
    await page.evaluate(() => {
      const { socket } = (window as unknown as { storylineFeed: { socket: FeedSocketHandle } })
        .storylineFeed;
      socket.io.reconnection(true);
      socket.connect();
    });

    await byTestId('connection-status', '[data-state="connected"]').waitFor();
    for (const write of missed) {
      await byTestId('timeline-entry', `[data-event-id="${write.eventId}"]`).waitFor({
        timeout: LIVE_MS,
      });
    }
    const after = await statement(booted.url, 'resume', 'after the drop');
    await byTestId('timeline-entry', `[data-event-id="${after.eventId}"]`).waitFor({
      timeout: LIVE_MS,
    });

    const shown = await byTestId('timeline-entry').evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-event-id')),
    );
    const timeline = await request(booted.url).get('/incidents/resume/timeline?limit=1000');
    const stream = (timeline.body as { items: { eventId: string }[] }).items.map((e) => e.eventId);
    expect([...shown].sort()).toEqual([...stream].sort());
    expect(new Set(shown).size).toBe(shown.length);
    expect(browser.pageErrors).toEqual([]);
  });
});
