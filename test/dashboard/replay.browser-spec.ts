/**
 * The replay in Chromium, on a story recorded after the fact with back-dated status changes,
 * details and disputes (test/replay/back-dated-story.ts): both clocks, stepping through world
 * time, every flag, back-dated editorial events at their world time, the edge views, dir="auto".
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { at, ID, recordBackDatedStory } from '../replay/back-dated-story.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { openIncident, statement } from './support/api-writes.js';
import { launchChromium, type Browser } from './support/chromium.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

describe('the replay in Chromium', () => {
  let booted: BootedApp;
  let browser: Browser;
  let page: Page;
  const byTestId = (id: string, attrs = '') => page.locator(`[data-testid="${id}"]${attrs}`);
  const claim = (claimId: string) => byTestId('claim', `[data-claim-id="${claimId}"]`);
  const open = async (query = '') => {
    await page.goto(`${booted.url}/#/incidents/${ID}${query}`);
    await byTestId('incident-page', '[data-feed="live"]').waitFor();
  };
  /** Waits until the claim shows exactly these flags (the replay step may still be fetching). */
  const flagsShown = (claimId: string, flags: string) =>
    byTestId('claim', `[data-claim-id="${claimId}"][data-flags="${flags}"]`).waitFor();
  /** Waits until the header shows this status (the replay step may still be fetching). */
  const statusShown = (status: string) =>
    byTestId('incident-status')
      .filter({ hasText: new RegExp(`^${status}$`) })
      .waitFor();
  /** Waits until the page shows the view asked for (the replay fetched and rendered). */
  const settled = async () => {
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="replay-mode"]')?.textContent?.includes('loading'),
    );
  };

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp();
    await recordBackDatedStory(booted.url);
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.close();
  });

  test('every flag a claim has is shown, the dominant state first', async () => {
    await open();
    await claim('c-strike').waitFor();
    expect(await claim('c-strike').getAttribute('data-flags')).toBe('revised disputed');
    expect(await claim('c-strike').getByTestId('claim-state').textContent()).toBe('disputed');
    expect(await claim('c-strike').getByTestId('claim-flag').allTextContents()).toEqual([
      'revised',
    ]);
    expect(await claim('f-ministry').getByTestId('claim-state').textContent()).toBe('corrected');
    expect(await claim('c-wire').getByTestId('claim-state').textContent()).toBe('retracted');
  });

  test('the slider steps through world time, says so, and never labels the view with a revision', async () => {
    await open();
    await byTestId('replay-step-by').selectOption('world');
    await byTestId('replay-bar', '[data-step-by="world"]').waitFor();
    await byTestId('replay-mode').getByText('world time 9 of 9').waitFor();
    await settled();
    expect(await byTestId('incident-basis').textContent()).toContain('as reported by');
    expect(await byTestId('incident-point').textContent()).not.toContain('revision');
    // back through 19:00 (details), 18:30 (the back-dated status change) to 18:00
    await byTestId('replay-back').click();
    await byTestId('replay-mode').getByText('world time 8 of 9').waitFor();
    await byTestId('replay-back').click();
    await byTestId('replay-back').click();
    await byTestId('replay-mode').getByText('world time 6 of 9').waitFor();
    await settled();
    expect(page.url()).toContain(`reportedBy=${encodeURIComponent(at('18:30'))}`);
    await statusShown('disputed');
    // the step's view may still be rendering: wait for it rather than read it at once
    await byTestId('incident-title')
      .filter({ hasText: /^Explosion at a hospital$/ })
      .waitFor();
    await byTestId('replay-back').click();
    await byTestId('replay-mode').getByText('world time 5 of 9').waitFor();
    await settled();
    await statusShown('developing');
    // the dated dispute (17:45) holds; the undated one (18:00, with c-wire) too
    await flagsShown('c-strike', 'disputed');
    await byTestId('replay-back').click();
    await byTestId('replay-back').click();
    await byTestId('replay-mode').getByText('world time 3 of 9').waitFor();
    await settled();
    await flagsShown('c-strike', '');
    // the slider's steps are world times, not revisions
    expect(await byTestId('replay-slider').getAttribute('max')).toBe('8');
  });

  test('back-dated status changes and disputes appear at their world time in the timeline', async () => {
    await open(`?reportedBy=${encodeURIComponent(at('18:30'))}`);
    await settled();
    await byTestId('timeline-order').selectOption('reported');
    const types = await byTestId('timeline-entry').evaluateAll((items) =>
      items.map((item) =>
        item.querySelector('[data-testid="timeline-type"]')?.getAttribute('data-type'),
      ),
    );
    // newest first, by world time; nothing reported after 18:30 yet
    expect(types).toEqual([
      'IncidentStatusChanged',
      'ClaimDisputed',
      'StatementReported',
      'ClaimDisputed',
      'StatementReported',
      'ClaimCorrected',
      'CasualtyFiguresReported',
      'StatementReported',
      'IncidentOpened',
    ]);
    const status = byTestId('timeline-entry').first();
    expect(await status.getByTestId('timeline-backdated').count()).toBe(1);
  });

  test('the two clocks work together (bitemporal), and each can be cleared', async () => {
    await open();
    await byTestId('replay-reportedby-input').fill('2023-10-17T17:10');
    await byTestId('replay-reportedby').getByRole('button', { name: 'Show' }).click();
    await byTestId('replay-mode').getByText('As reported by').waitFor();
    const soon = new Date(Date.now() + 60_000).toISOString().slice(0, 16);
    await byTestId('replay-asof-input').fill(soon);
    await byTestId('replay-asof').getByRole('button', { name: 'Show' }).click();
    await byTestId('replay-mode').getByText('as we knew it at').waitFor();
    await settled();
    expect(page.url()).toMatch(/reportedBy=.*&asOf=|asOf=.*&reportedBy=/);
    await byTestId('incident-basis').filter({ hasText: 'as we knew it at' }).waitFor();
    // the correction (our fix) applies with its claim: 342, not the 324 we first typed
    await byTestId('casualty-range').getByText('342', { exact: true }).waitFor();

    // as we knew it before anything was recorded: before the incident, with no live header
    await byTestId('replay-asof-input').fill('2023-10-17T00:00');
    await byTestId('replay-asof').getByRole('button', { name: 'Show' }).click();
    await byTestId('replay-edge', '[data-edge="before"]').waitFor();
    expect(await byTestId('incident-title').count()).toBe(0);

    await byTestId('replay-asof-clear').click();
    await byTestId('replay-edge').waitFor({ state: 'detached' });
    await settled();
    expect(page.url()).not.toContain('asOf=');
    await byTestId('incident-basis').filter({ hasNotText: 'as we knew it' }).waitFor();
  });

  test('edge views say what they are', async () => {
    await open(`?reportedBy=${encodeURIComponent(at('15:00'))}`);
    await byTestId('replay-edge', '[data-edge="before"]').waitFor();
    expect(await byTestId('replay-edge').textContent()).toContain('Before the incident');
    expect(await byTestId('incident-title').count()).toBe(0);

    await open('?revision=999');
    await byTestId('replay-edge', '[data-edge="past-end"]').waitFor();
    expect(await byTestId('replay-edge').textContent()).toContain('Past the end');
    expect(await byTestId('incident-title').count()).toBe(0);

    await open('?revision=0');
    await byTestId('replay-edge', '[data-edge="empty"]').waitFor();
    expect(await byTestId('replay-edge').textContent()).toContain('Empty replay');
    expect(browser.pageErrors).toEqual([]);
  });

  test('text in right-to-left scripts gets dir="auto"', async () => {
    await openIncident(booted.url, 'rtl-story', 'انفجار في مستشفى');
    await statement(booted.url, 'rtl-story', 'قالت الوزارة إن غارة أصابت المستشفى.', {
      claimId: 'c-arabic',
    });
    await page.goto(`${booted.url}/#/incidents/rtl-story`);
    const text = claim('c-arabic').locator('.claim-text');
    await text.waitFor();
    expect(await text.getAttribute('dir')).toBe('auto');
    expect(await byTestId('incident-title').getAttribute('dir')).toBe('auto');
    expect(
      await byTestId('timeline-entry').first().locator('.timeline-summary').getAttribute('dir'),
    ).toBe('auto');
  });
});
