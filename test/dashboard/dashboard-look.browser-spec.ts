import { afterAll, beforeAll, expect, test } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bootApp, type BootedApp } from '../support/boot.js';
import { describeInChromium, launchChromium, type Browser } from './support/chromium.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

const STORY = 'at-tanf-2017-05-18';
const README_SCREENSHOT = path.resolve('docs', 'dashboard.png');
/**
 * The README's screenshot is written when missing or when asked for
 * (STORYLINE_UPDATE_SCREENSHOT=1); other runs write test-results/, so tests leave the tree clean.
 */
const SCREENSHOT =
  process.env.STORYLINE_UPDATE_SCREENSHOT === '1' || !fs.existsSync(README_SCREENSHOT)
    ? README_SCREENSHOT
    : path.resolve('test-results', 'dashboard.png');

/** Labels a screen reader would announce for each form control and button without one. */
function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, button, textarea')]
      .filter((element) => {
        const control = element as HTMLInputElement;
        const labelled = (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label');
        return !labelled && !(control.textContent ?? '').trim();
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  );
}

const SUITE = 'the dashboard on the demo story: screenshot, phone width, accessibility basics';

describeInChromium(SUITE, () => {
  let booted: BootedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp({ env: { STORYLINE_DEMO: 'true' } });
    browser = await launchChromium({ width: 1280, height: 1000 });
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.close();
  });

  test('the incident page of the At Tanf story, with its screenshot', async () => {
    await page.goto(`${booted.url}/#/incidents/${STORY}`);
    await page.locator('[data-testid="incident-page"][data-feed="live"]').waitFor();
    await page.locator('[data-testid="casualty-chart"] canvas').waitFor();
    expect(await page.getByTestId('incident-title').textContent()).toBe(
      'Coalition strike on pro-government convoy near At Tanf',
    );
    expect(await page.getByTestId('claim').count()).toBeGreaterThanOrEqual(14);
    const disputed = page.locator('[data-testid="claim"][data-state="disputed"]');
    expect(await disputed.getByTestId('claim-dispute-link').textContent()).toContain('RT');
    expect(await page.getByTestId('casualty-source').count()).toBeGreaterThanOrEqual(3);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
  });

  test('landmarks, labelled controls and keyboard access to a claim history', async () => {
    await page.goto(`${booted.url}/#/incidents/${STORY}`);
    await page.locator('[data-testid="incident-page"][data-feed="live"]').waitFor();
    expect(
      await page.locator('header.site-header, main#main, nav[aria-label="Main"]').count(),
    ).toBe(3);
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await page.locator('canvas[role="img"][aria-label]').count()).toBe(1);

    await page.getByTestId('claim-history-button').first().focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('history-version').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('history-dialog').waitFor({ state: 'detached' });
  });

  test('phone width: one column, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const route of [`#/incidents/${STORY}`, '#/']) {
      await page.goto(`${booted.url}/${route}`);
      await page.locator('[data-feed="live"]').first().waitFor({ state: 'attached' });
      await page.getByTestId('connection-status').waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    }
    expect(browser.pageErrors).toEqual([]);
  });
});
