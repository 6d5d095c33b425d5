import { afterAll, beforeAll, expect, test } from '@jest/globals';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bootApp, TOKENS, type BootedApp } from '../support/boot.js';
import { killed, openIncident, reuters, statement, write } from './support/api-writes.js';
import {
  LISTED,
  listed as listedClaims,
  listedIds as listedClaimIds,
} from './support/claims-page.js';
import { describeInChromium, launchChromium, type Browser } from './support/chromium.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

/** "Appear within a second": every wait for a live update is bounded by this. */
const LIVE_MS = 1000;

const hagari = [{ name: 'Daniel Hagari', kind: 'military' }];
const ministry = [{ name: 'Gaza Health Ministry', kind: 'government' }, ...reuters];

describeInChromium('the dashboard’s claims: corroboration, support and dispute, filters', () => {
  let booted: BootedApp;
  let browser: Browser;
  let page: Page;

  const byTestId = (id: string, attrs = '') => page.locator(`[data-testid="${id}"]${attrs}`);
  const claimCard = (claimId: string) => page.locator(`${LISTED}[data-claim-id="${claimId}"]`);
  const openIncidentPage = async (id: string, query = ''): Promise<void> => {
    await page.goto(`${booted.url}/#/incidents/${id}${query}`);
    await byTestId('incident-page', '[data-feed="live"]').waitFor();
  };
  const listed = (count: number) => listedClaims(page, count);
  const listedIds = () => listedClaimIds(page);

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp();
    browser = await launchChromium();
    page = browser.page;

    await openIncident(booted.url, 'hospital', 'Explosion at a hospital');
    await statement(booted.url, 'hospital', 'A rocket misfired and hit the hospital.', {
      claimId: 'misfire',
      topic: 'responsibility',
      attribution: hagari,
    });
    await statement(booted.url, 'hospital', 'Intercepted calls point to a misfire.', {
      claimId: 'intercepts',
      topic: 'responsibility',
    });
    await write(booted.url, '/incidents/hospital/casualty-reports', {
      claimId: 'ministry',
      attribution: ministry,
      reportedAt: new Date().toISOString(),
      figures: killed(471, 471),
    });
    await statement(booted.url, 'hospital', 'An air strike hit the hospital.', {
      claimId: 'airstrike',
      topic: 'responsibility',
      attribution: [{ name: 'Hamas', kind: 'armed-group' }],
    });
    await write(booted.url, '/incidents/hospital/claims/misfire/supports', {
      supportedByClaimId: 'intercepts',
      note: 'the same conclusion from other evidence',
    });
    await write(booted.url, '/incidents/hospital/claims/ministry/disputes', {
      disputedByClaimId: 'misfire',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.close();
  });

  test('each claim shows its grade, its independent sources, and links to its supporters and disputers', async () => {
    await openIncidentPage('hospital');
    await listed(4);

    const misfire = claimCard('misfire');
    expect(await misfire.getAttribute('data-grade')).toBe('corroborated');
    expect(await misfire.getByTestId('claim-grade').textContent()).toBe('corroborated');
    expect(await misfire.getByTestId('claim-sources').textContent()).toBe('2 independent sources');
    const support = misfire.getByTestId('claim-support');
    expect(await support.getAttribute('data-by-claim-id')).toBe('intercepts');
    expect(await support.textContent()).toContain('the same conclusion from other evidence');

    const ministryCard = claimCard('ministry');
    expect(await ministryCard.getByTestId('claim-grade').textContent()).toBe('contested');
    expect(await ministryCard.getByTestId('claim-sources').textContent()).toBe(
      '1 independent source',
    );
    expect(await claimCard('airstrike').getByTestId('claim-grade').textContent()).toBe(
      'single source',
    );

    // the links name the other claim and jump to it
    const disputeLink = ministryCard.getByTestId('claim-dispute-link');
    expect(await disputeLink.textContent()).toContain('Daniel Hagari');
    await disputeLink.click();
    await page.waitForFunction(() => document.activeElement?.id === 'claim-misfire');
    await support.getByTestId('claim-support-link').click();
    await page.waitForFunction(() => document.activeElement?.id === 'claim-intercepts');
  });

  test('a reporter supports and disputes through the page; refusals show the service’s detail', async () => {
    await openIncidentPage('hospital');
    await listed(4);
    // without a token there are no actions, only the way to give one
    expect(await byTestId('claim-actions').count()).toBe(0);
    await byTestId('write-token').getByText('Support or dispute claims').click();
    await byTestId('write-token-input').fill(TOKENS.reporter);
    await byTestId('write-token').getByRole('button', { name: 'Use token' }).click();
    await byTestId('write-token-set').waitFor();
    // the page stays the same page from here on: updates come through the feed, not a reload
    await page.evaluate(() => {
      (window as unknown as { notReloaded?: boolean }).notReloaded = true;
    });

    const airstrike = claimCard('airstrike');
    await airstrike.getByTestId('claim-support-button').click();
    const form = airstrike.getByTestId('claim-judge-form');
    expect(await form.getAttribute('data-judgement')).toBe('support');
    const focused = (testId: string) =>
      page.waitForFunction(
        (id) => document.activeElement?.getAttribute('data-testid') === id,
        testId,
      );
    // the keyboard lands in the form
    await focused('claim-judge-by');
    // every other claim of the incident can be chosen, named by its source and text
    const choices = await form
      .getByTestId('claim-judge-by')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(choices).toEqual(['', 'misfire', 'intercepts', 'ministry']);
    await form.getByTestId('claim-judge-by').selectOption('ministry');
    await form.getByTestId('claim-judge-note').fill('casualty count implies a large blast');
    await form.getByTestId('claim-judge-submit').click();
    await airstrike.getByTestId('claim-action-done').getByText('Support recorded.').waitFor();

    // the live view shows the new supporter, and the timeline the event in words
    await airstrike
      .locator('[data-testid="claim-support"][data-by-claim-id="ministry"]')
      .waitFor({ timeout: LIVE_MS });
    expect(await airstrike.getByTestId('claim-support').textContent()).toContain(
      'casualty count implies a large blast',
    );
    expect(await airstrike.getAttribute('data-flags')).toBe('supported');
    const supported = byTestId('timeline-type', '[data-type="ClaimSupported"]').first();
    await supported.waitFor({ timeout: LIVE_MS });
    expect(await supported.textContent()).toBe('Claim supported');

    // the same support again: the service refuses (409) and the page says why
    await airstrike.getByTestId('claim-support-button').click();
    await form.getByTestId('claim-judge-by').selectOption('ministry');
    await form.getByTestId('claim-judge-submit').click();
    const refusal = form.getByTestId('claim-judge-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      'Refused: claim airstrike is already supported by ministry',
    );
    await form.getByRole('button', { name: 'Cancel' }).click();
    // and back on the actions when it closes
    await focused('claim-support-button');

    // a dispute, by the claim the first support named
    await airstrike.getByTestId('claim-dispute-button').click();
    expect(await form.getAttribute('data-judgement')).toBe('dispute');
    await form.getByTestId('claim-judge-by').selectOption('misfire');
    await form.getByTestId('claim-judge-submit').click();
    await airstrike
      .locator('[data-testid="claim-dispute"][data-by-claim-id="misfire"]')
      .waitFor({ timeout: LIVE_MS });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-claim-id="airstrike"]')?.getAttribute('data-grade') ===
        'contested',
    );
    expect(await airstrike.getAttribute('data-state')).toBe('disputed');

    // the audit names the event in words and shows what the support changed
    await airstrike.getByTestId('claim-history-button').click();
    const version = byTestId('history-version', '[data-type="ClaimSupported"]');
    await version.waitFor();
    expect(await version.locator('h3').textContent()).toContain('Claim supported');
    const supports = version.locator('[data-testid="history-change"][data-field="supports"]');
    expect(await supports.locator('td.after').textContent()).toBe(
      'ministry (casualty count implies a large blast)',
    );
    const grade = version.locator('[data-testid="history-change"][data-field="corroboration"]');
    expect(await grade.locator('td.before').textContent()).toBe(
      'single-source, 1 independent source',
    );
    expect(await grade.locator('td.after').textContent()).toBe(
      'corroborated, 2 independent sources',
    );
    await byTestId('history-close').click();

    // a token the service does not know: 401, shown, and no event appended
    await byTestId('write-token-set').getByRole('button', { name: 'Forget the token' }).click();
    expect(await byTestId('claim-actions').count()).toBe(0);
    await byTestId('write-token').getByText('Support or dispute claims').click();
    await byTestId('write-token-input').fill('not-a-token');
    await byTestId('write-token').getByRole('button', { name: 'Use token' }).click();
    const revision = await byTestId('incident-page').getAttribute('data-revision');
    await claimCard('intercepts').getByTestId('claim-dispute-button').click();
    const interceptsForm = claimCard('intercepts').getByTestId('claim-judge-form');
    await interceptsForm.getByTestId('claim-judge-by').selectOption('airstrike');
    await interceptsForm.getByTestId('claim-judge-submit').click();
    await interceptsForm.getByTestId('claim-judge-refusal').waitFor();
    expect(await interceptsForm.getByTestId('claim-judge-refusal').textContent()).toMatch(
      /^Refused: .+/,
    );
    expect(await byTestId('incident-page').getAttribute('data-revision')).toBe(revision);
    expect(await byTestId('token-form').count()).toBe(0);

    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    await page.evaluate(() => sessionStorage.clear());
    expect(browser.pageErrors).toEqual([]);
  });

  test('a supporter retracted: the grade falls live and the link says so', async () => {
    await openIncidentPage('hospital');
    await listed(4);
    const misfire = claimCard('misfire');
    expect(await misfire.getAttribute('data-grade')).toBe('corroborated');
    await write(booted.url, '/incidents/hospital/claims/intercepts/retractions', {
      attribution: reuters,
      reportedAt: new Date().toISOString(),
      reason: 'the calls were misattributed',
    });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-claim-id="misfire"]')?.getAttribute('data-grade') ===
        'single-source',
      undefined,
      { timeout: LIVE_MS },
    );
    expect(await misfire.getByTestId('claim-sources').textContent()).toBe('1 independent source');
    expect(await misfire.getByTestId('claim-support-link').textContent()).toMatch(
      /^Reuters: “Intercepted calls point to a misfire\.” \(retracted\)$/,
    );
    // the support stays on record, but the flag holds only while a live claim supports it
    expect(await misfire.getAttribute('data-flags')).not.toContain('supported');
  });

  test('a desk assessment reaches the open page live, named in words in the timeline', async () => {
    await openIncidentPage('hospital');
    const assessed = await write(
      booted.url,
      '/incidents/hospital/casualty-assessments',
      {
        measure: 'killed',
        group: 'civilians',
        low: 100,
        best: 300,
        high: 471,
        basis: ['ministry'],
        reason: 'the ministry figure as an upper bound',
      },
      'editor',
    );
    const entry = byTestId('timeline-entry', `[data-event-id="${assessed.eventId}"]`);
    await entry.waitFor({ timeout: LIVE_MS });
    expect(await entry.getByTestId('timeline-type').textContent()).toBe(
      'Casualty estimate assessed by the desk',
    );
    expect(await entry.textContent()).toContain('Desk assessment: 100–471 killed (civilians)');
  });

  test('the claims filter pages through GET /incidents/:id/claims and updates live', async () => {
    await openIncident(booted.url, 'many', 'An incident with many claims');
    for (let n = 1; n <= 57; n++) {
      const hagariSays = n % 10 === 0;
      await statement(booted.url, 'many', `Report number ${n} from the scene.`, {
        claimId: `c${String(n).padStart(2, '0')}`,
        topic: hagariSays ? 'responsibility' : 'damage',
        ...(hagariSays && { attribution: hagari }),
      });
    }
    await write(booted.url, '/incidents/many/claims/c03/disputes', { disputedByClaimId: 'c50' });
    await openIncidentPage('many');

    // a page at a time, first-reported order
    await listed(50);
    expect(await byTestId('claims-count').textContent()).toContain('Showing 50 of 57 claims');
    await byTestId('claims-more').click();
    await listed(57);
    expect((await listedIds()).at(-1)).toBe('c57');
    expect(await byTestId('claims-more').count()).toBe(0);

    await byTestId('claims-filter-topic').selectOption('responsibility');
    await listed(5);
    expect(await listedIds()).toEqual(['c10', 'c20', 'c30', 'c40', 'c50']);
    await byTestId('claims-filter-source').fill('daniel hagari');
    await byTestId('claims-filter-q').fill('number 3');
    await byTestId('claims-filter-apply').click();
    await listed(1);
    expect(await listedIds()).toEqual(['c30']);

    await byTestId('claims-filter-clear').click();
    await byTestId('claims-filter-state').selectOption('disputed');
    await listed(1);
    expect(await listedIds()).toEqual(['c03']);
    // its disputer is not listed: the link shows it pinned above the list
    await claimCard('c03').getByTestId('claim-dispute-link').click();
    await byTestId('claim-pinned').locator('[data-claim-id="c50"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'pinned-claim-c50');

    // a claim that comes to match the filter while the page is open shows up live
    await write(booted.url, '/incidents/many/claims/c04/disputes', { disputedByClaimId: 'c50' });
    await claimCard('c04').waitFor({ timeout: LIVE_MS });
    await listed(2);
    expect(await listedIds()).toEqual(['c03', 'c04']);

    await byTestId('claims-filter-state').selectOption('retracted');
    await listed(0);
    await byTestId('claims-none').waitFor();
  });

  test('a replay shows the claims of its view, with no filter and no actions', async () => {
    await page.evaluate(
      (token) => sessionStorage.setItem('storyline-read-token', token),
      TOKENS.reporter,
    );
    await openIncidentPage('hospital', '?revision=3');
    await page.locator('[data-testid="incident-page"][data-revision="3"]').waitFor();
    expect(await listedIds()).toEqual(['misfire', 'intercepts', 'ministry']);
    expect(await byTestId('claims-filter').count()).toBe(0);
    expect(await byTestId('claim-actions').count()).toBe(0);
    await page.evaluate(() => sessionStorage.clear());
  });

  test('on a 390 px phone the filter, the support form and the audit fit, labels unbroken', async () => {
    const phone = await launchChromium({ width: 390, height: 844 });
    try {
      const { page: small } = phone;
      await small.goto(`${booted.url}/#/incidents/hospital`);
      await small.evaluate(
        (token) => sessionStorage.setItem('storyline-read-token', token),
        TOKENS.reporter,
      );
      await small.reload();
      await small.locator('[data-testid="incident-page"][data-feed="live"]').waitFor();
      const card = small.locator('[data-testid="claims"] > [data-claim-id="ministry"]');
      await card.getByTestId('claim-support-button').click();
      // every control is announced by its label
      const form = small.getByRole('group', { name: 'Support this claim with another claim' });
      await form.getByRole('combobox', { name: 'Supporting claim' }).waitFor();
      await form.getByRole('textbox', { name: 'Note (optional)' }).waitFor();
      const filter = small.getByRole('search', { name: 'Filter the claims' });
      for (const name of ['State', 'Flag', 'Topic', 'Kind']) {
        await filter.getByRole('combobox', { name }).waitFor();
      }
      await filter.getByRole('textbox', { name: 'Source' }).waitFor();
      await filter.getByRole('searchbox', { name: 'Text' }).waitFor();
      const overflow = await small.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      // the whole page, as a phone shows it (kept in test-results/ to look at): 390 px wide
      const shot = await small.screenshot({
        fullPage: true,
        path: path.resolve('test-results', 'claims-phone.png'),
      });
      expect(shot.readUInt32BE(16)).toBe(390);

      // a claim's audit: its field labels wrap between words, never inside one
      await small
        .locator('[data-testid="claims"] > [data-claim-id="airstrike"]')
        .getByTestId('claim-history-button')
        .click();
      await small
        .locator('[data-testid="history-change"][data-field="corroboration"]')
        .first()
        .waitFor();
      const split = await small.evaluate(() => {
        const words: string[] = [];
        for (const th of document.querySelectorAll('[data-testid="history-change"] th')) {
          const node = th.firstChild;
          if (!node || node.nodeType !== Node.TEXT_NODE) continue;
          let offset = 0;
          for (const word of (node.textContent ?? '').split(' ')) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + word.length);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) words.push(word);
            offset += word.length + 1;
          }
        }
        return words;
      });
      expect(split).toEqual([]);
      const dialog = small.getByTestId('history-dialog');
      expect(await dialog.evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
