import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { IncidentEvent } from '../../src/incidents/domain/events.js';
import { seed } from '../projections/seed.js';
import { bootApp, type BootedApp } from '../support/boot.js';
import { opened, statement } from '../support/incident-events.js';
import { write } from './support/api-writes.js';
import { LISTED, listed, listedIds } from './support/claims-page.js';
import { describeInChromium, launchChromium, type Browser } from './support/chromium.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

const CLAIMS = 10_000;
const ID = 'ten-thousand';
const claimId = (n: number): string => `c${String(n).padStart(5, '0')}`;

/** 10,000 statements, one a second of world time; every 100th is Daniel Hagari's, on responsibility. */
function story(): IncidentEvent[] {
  const start = Date.parse('2023-10-17T16:00:00Z');
  const events = [opened(ID, 'A story with ten thousand claims')];
  for (let n = 0; n < CLAIMS; n++) {
    const event = statement(claimId(n), new Date(start + n * 1000).toISOString());
    if (n % 100 === 0 && event.type === 'StatementReported') {
      event.data.attribution = [{ name: 'Daniel Hagari', kind: 'military' }];
      event.data.topic = 'responsibility';
    }
    events.push(event);
  }
  return events;
}

describeInChromium('the claims of a 10,000-claim incident on the dashboard', () => {
  let booted: BootedApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp();
    await seed(booted.app, ID, story());
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.close();
  });

  test('the page shows them a page at a time, filters them, and stays live', async () => {
    await page.goto(`${booted.url}/#/incidents/${ID}`);
    await page.locator('[data-testid="incident-page"][data-feed="live"]').waitFor();
    await listed(page, 50);
    // 50 cards in the page, not 10,000
    expect(await page.getByTestId('claim').count()).toBe(50);
    expect(await page.getByTestId('claims-count').textContent()).toContain(
      'Showing 50 of 10000 claims',
    );
    await page.getByTestId('claims-more').click();
    await listed(page, 100);

    await page.getByTestId('claims-filter-source').fill('Daniel Hagari');
    await page.getByTestId('claims-filter-apply').click();
    await listed(page, 50);
    expect((await listedIds(page)).slice(0, 3)).toEqual(['c00000', 'c00100', 'c00200']);
    await page.getByTestId('claims-more').click();
    await listed(page, 100);
    expect(await page.getByTestId('claims-more').count()).toBe(0);

    // a support recorded meanwhile shows on its card, through the feed
    await write(booted.url, `/incidents/${ID}/claims/c09900/supports`, {
      supportedByClaimId: 'c00001',
    });
    await page.locator(`${LISTED}[data-claim-id="c09900"] [data-testid="claim-support"]`).waitFor();
    expect(await page.locator(`${LISTED}[data-claim-id="c09900"]`).getAttribute('data-grade')).toBe(
      'corroborated',
    );
    expect(browser.pageErrors).toEqual([]);
  });
});
