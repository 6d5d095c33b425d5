import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import request from 'supertest';
import { bootApp, TOKENS, type BootedApp } from '../support/boot.js';
import { openIncident, statement } from './support/api-writes.js';
import { describeInChromium, launchChromium, type Browser } from './support/chromium.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

describeInChromium('the dashboard when reads are private (STORYLINE_PUBLIC_READ=false)', () => {
  let booted: BootedApp;
  let browser: Browser;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp({ env: { STORYLINE_PUBLIC_READ: 'false' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.close();
  });

  test('asks for a token, then reads and goes live with it', async () => {
    const { page } = browser;
    await openIncident(booted.url, 'private-one', 'Behind a token');
    await page.goto(`${booted.url}/`);
    await page.getByTestId('token-form').waitFor();
    expect(await page.getByTestId('incident-row').count()).toBe(0);

    await page.getByTestId('token-input').fill(TOKENS.reporter);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page
      .locator('[data-testid="incident-row"][data-incident-id="private-one"]')
      .getByRole('link', { name: 'Behind a token' })
      .click();
    await page.locator('[data-testid="incident-page"][data-feed="live"]').waitFor();
    const posted = await statement(booted.url, 'private-one', 'Seen only with a token.');
    await page
      .locator(`[data-testid="timeline-entry"][data-event-id="${posted.eventId}"]`)
      .waitFor({ timeout: 1000 });
    expect(await page.getByTestId('token-form').count()).toBe(0);
    // the same token is the reporter's for writes: once there is a second claim to judge it by,
    // each claim offers support and dispute
    const card = page.locator(`[data-testid="claim"][data-claim-id="${posted.claimId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('claim-actions').count()).toBe(0);
    await statement(booted.url, 'private-one', 'A second claim, also behind the token.');
    await card.getByTestId('claim-support-button').waitFor();
    await card.getByTestId('claim-dispute-button').waitFor();
    expect(await page.locator('[data-testid="connection-status"]').getAttribute('data-state')).toBe(
      'connected',
    );
  });

  test('the CSV downloads send the token: a plain link would be refused', async () => {
    const { page } = browser;
    await request(booted.url).get('/incidents/private-one/claims.csv').expect(401);
    await page.locator('[data-testid="incident-page"][data-feed="live"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-claims').click(),
    ]);
    expect(download.suggestedFilename()).toBe('private-one-claims.csv');
    const rows = parse<Record<string, string>>(fs.readFileSync(await download.path(), 'utf8'), {
      columns: true,
    });
    // the two claims the first test recorded, in the order they were reported
    expect(rows.map((row) => row.content)).toEqual([
      'Seen only with a token.',
      'A second claim, also behind the token.',
    ]);
    expect(browser.pageErrors).toEqual([]);
  });
});
