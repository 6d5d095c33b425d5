/**
 * The desk's half of the dashboard in Chromium, on the real app: casualty ranges and the
 * assessment form, the chart's tooltips and legend, the CSV downloads, the sources page, the
 * full-text search box and the phone layout.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import { auth, bootApp, TOKENS, type BootedApp } from '../support/boot.js';
import { DESK, recordDeskStory } from './desk-story.js';
import { write } from './support/api-writes.js';
import { describeInChromium, launchChromium, type Browser } from './support/chromium.js';
import { ensureDashboardBuilt } from './support/dashboard-build.js';

interface Tooltip {
  x: number;
  y: number;
  width: number;
  height: number;
  canvasWidth: number;
  canvasHeight: number;
  lines: string[];
}

describeInChromium('the desk: casualties, assessments, chart, downloads, sources, search', () => {
  let booted: BootedApp;
  let browser: Browser;
  let page: Page;

  const byTestId = (id: string, attrs = '') => page.locator(`[data-testid="${id}"]${attrs}`);
  const killedLine = () => byTestId('casualty-line', '[data-measure="killed"]');
  /** Loads the incident page afresh (a goto to the same hash alone would not reload it). */
  const openDesk = async (): Promise<void> => {
    await page.goto('about:blank');
    await page.goto(`${booted.url}/#/incidents/${DESK}`);
    await byTestId('incident-page', '[data-feed="live"]').waitFor();
  };
  /** What the service answers to the same assessment: the form must show this detail. */
  const refusal = async (role: keyof typeof TOKENS, body: object) => {
    const res = await request(booted.url)
      .post(`/incidents/${DESK}/casualty-assessments`)
      .set(auth(role))
      .send(body);
    return { status: res.status, detail: (res.body as { detail: string }).detail };
  };
  const fillAssessment = async (form: Locator, values: Record<string, string>) => {
    for (const [field, value] of Object.entries(values)) {
      await form.getByTestId(`assessment-${field}`).fill(value);
    }
  };
  /** Form controls and buttons a screen reader would announce without a name. */
  const unlabelledControls = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('input, select, button, textarea')]
        .filter((element) => {
          const control = element as HTMLInputElement;
          const named = (control.labels?.length ?? 0) > 0 || control.getAttribute('aria-label');
          return !named && !(control.textContent ?? '').trim();
        })
        .map((element) => element.outerHTML.slice(0, 120)),
    );
  const useToken = async (line: Locator, token: string) => {
    // one token prompt for the whole panel, not one per line
    const prompt = page.getByTestId('assessment-token-form');
    expect(await prompt.count()).toBe(1);
    await prompt.getByTestId('assessment-token-input').fill(token);
    await prompt.getByRole('button', { name: 'Use token' }).click();
    await line.getByTestId('assessment-editor').locator('summary').click();
  };

  beforeAll(async () => {
    await ensureDashboardBuilt();
    booted = await bootApp();
    await recordDeskStory(booted.url);
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await booted?.close();
  });

  test('each measure and group: the range, the undisputed range, no assessment yet', async () => {
    await openDesk();
    const line = killedLine();
    expect(await line.getAttribute('data-group')).toBe('civilians');
    expect(await line.getByTestId('casualty-range').textContent()).toBe('2–12');
    // the Army's 2 is disputed by the Ministry: the undisputed range leaves it out
    expect(await line.getByTestId('casualty-undisputed').textContent()).toBe('Undisputed: 8–12');
    expect(await line.getByTestId('casualty-assessment').getAttribute('data-state')).toBe('none');
    expect(await line.getByTestId('casualty-source').count()).toBe(3);
  });

  test('an editor records an assessment on chosen claims; refusals show the service’s detail', async () => {
    await openDesk();
    const line = killedLine();
    const form = line.getByTestId('assessment-form');
    const body = {
      measure: 'killed',
      group: 'civilians',
      low: 8,
      best: 10,
      high: 12,
      basis: ['c-ministry', 'c-monitor'],
      reason: 'The ministry counts bodies; the monitor names eight',
    };

    // a reporter may not assess: 403, its detail shown, nothing appended
    expect(await unlabelledControls()).toEqual([]);
    await useToken(line, TOKENS.reporter);
    expect(await unlabelledControls()).toEqual([]);
    const forbidden = await refusal('reporter', body);
    expect(forbidden.status).toBe(403);
    await fillAssessment(form, { low: '8', best: '10', high: '12', reason: body.reason });
    await form.locator('input[value="c-ministry"]').check();
    await form.locator('input[value="c-monitor"]').check();
    await form.getByRole('button', { name: 'Record assessment' }).click();
    expect(await form.getByTestId('assessment-error').textContent()).toBe(forbidden.detail);

    // an editor's best below low: the domain's 400 detail
    await form.getByTestId('assessment-forget-token').click();
    await useToken(line, TOKENS.editor);
    const badOrder = await refusal('editor', { ...body, low: 9, best: 3 });
    expect(badOrder.status).toBe(400);
    await fillAssessment(form, { low: '9', best: '3', high: '12', reason: body.reason });
    await form.locator('input[value="c-ministry"]').check();
    await form.getByRole('button', { name: 'Record assessment' }).click();
    await form.getByTestId('assessment-error').getByText(badOrder.detail).waitFor();

    // the editor's assessment: recorded, then shown live with its basis, reason, who and when
    await fillAssessment(form, { low: '8', best: '10' });
    await form.locator('input[value="c-monitor"]').check();
    await form.getByRole('button', { name: 'Record assessment' }).click();
    await form.getByTestId('assessment-done').waitFor();
    const shown = line.locator('[data-testid="casualty-assessment"][data-state="assessed"]');
    await shown.waitFor({ timeout: 2000 });
    expect(await shown.getByTestId('assessment-values').textContent()).toBe(
      'low 8 · best 10 · high 12',
    );
    expect(await shown.getByTestId('assessment-reason-text').textContent()).toBe(body.reason);
    expect(await shown.getByTestId('assessment-basis-names').textContent()).toBe(
      'Health Ministry, Bridge Monitor',
    );
    expect(await shown.getByTestId('assessment-by').textContent()).toBe('eddie');
    const view = await request(booted.url).get(`/incidents/${DESK}`).expect(200);
    expect(view.body.casualties[0].assessment).toMatchObject({ low: 8, best: 10, high: 12 });
    expect(browser.pageErrors).toEqual([]);
  });

  test('the chart: a hovered point’s tooltip inside the canvas, one legend entry per source, the retracted figure off the scale', async () => {
    await openDesk();
    const canvas = byTestId('casualty-chart').locator('canvas');
    await page.waitForFunction(() => {
      const drawn = document.querySelector<HTMLCanvasElement>(
        '[data-testid="casualty-chart"] canvas',
      );
      return (drawn?.dataset.points ?? '[]') !== '[]';
    });
    expect(JSON.parse((await canvas.getAttribute('data-legend')) ?? '[]')).toEqual([
      'Health Ministry',
      'Bridge Monitor',
      'Army spokesman',
      'Local blogger (retracted)',
    ]);
    // the blogger's 900 is drawn but does not set the count axis
    expect(Number(await canvas.getAttribute('data-y-max'))).toBeLessThan(900);
    expect(Number(await canvas.getAttribute('data-y-max'))).toBeGreaterThanOrEqual(12);

    const tooltip = await hoverPoint(page, canvas, 'Bridge Monitor');
    expect(tooltip.lines.join(' ')).toContain('Bridge Monitor: killed: 8');
    expect(tooltip.lines.join(' ')).toContain('eastern bus stop');
    expectInside(tooltip);
  });

  test('downloads claims.csv and casualties.csv, and both parse', async () => {
    await openDesk();
    const claims = await downloaded(page, byTestId('download-claims'));
    expect(claims.name).toBe(`${DESK}-claims.csv`);
    const claimRows = parse<Record<string, string>>(claims.text, { columns: true });
    expect(claimRows).toHaveLength(5);
    expect(
      claimRows.some((row) =>
        Object.values(row).includes('The eastern span collapsed into the river.'),
      ),
    ).toBe(true);

    const casualties = await downloaded(page, byTestId('download-casualties'));
    expect(casualties.name).toBe(`${DESK}-casualties.csv`);
    const figureRows = parse<Record<string, string>>(casualties.text, { columns: true });
    expect(figureRows).toHaveLength(4);
    expect(figureRows.map((row) => row.min)).toEqual(
      expect.arrayContaining(['10', '8', '2', '900']),
    );
  });

  test('the sources page: the track record, sortable by each column, each source to its claims', async () => {
    await page.goto(`${booted.url}/#/`);
    await byTestId('incidents-page').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sources' })
      .click();
    const table = byTestId('sources-table');
    await table.waitFor();
    const names = () =>
      table
        .getByTestId('source-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));
    const column = (name: string) =>
      table
        .getByTestId('source-row')
        .evaluateAll(
          (rows, key) =>
            rows.map((row) => row.querySelector(`[data-column="${key}"]`)?.textContent),
          name,
        );
    expect(await table.locator('th[aria-sort="descending"]').getAttribute('data-column')).toBe(
      'claims',
    );
    expect(await unlabelledControls()).toEqual([]);
    expect(new Set(await names())).toEqual(
      new Set(['Health Ministry', 'Bridge Monitor', 'Army spokesman', 'Local blogger', 'Reuters']),
    );

    await byTestId('sort-name').click();
    expect(await table.locator('th[aria-sort]').getAttribute('data-column')).toBe('name');
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(await names()).toEqual([
      'Army spokesman',
      'Bridge Monitor',
      'Health Ministry',
      'Local blogger',
      'Reuters',
    ]);
    await byTestId('sort-name').click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect((await names())[0]).toBe('Reuters');

    await byTestId('sort-disputed').click();
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect((await names())[0]).toBe('Army spokesman');
    expect(await column('disputed')).toEqual(['1', '0', '0', '0', '0']);
    await byTestId('sort-retracted').click();
    expect((await names())[0]).toBe('Local blogger');
    await byTestId('sort-retracted').click();
    expect((await names()).at(-1)).toBe('Local blogger');
    expect(await table.locator('th[aria-sort]').count()).toBe(1);

    await table.getByRole('link', { name: 'Bridge Monitor' }).click();
    await byTestId('source-claim').first().waitFor();
    expect(page.url()).toContain('#/sources/ngo/Bridge%20Monitor');
    const claim = byTestId('source-claim', `[data-claim-id="c-monitor"]`);
    expect(await claim.getAttribute('data-incident-id')).toBe(DESK);
    await claim.getByTestId('source-claim-link').click();
    await byTestId('incident-page', '[data-feed="live"]').waitFor();
    expect(await byTestId('incident-title').textContent()).toBe('Strike on the Qasr al-Nil bridge');
    // the claim link lands on that claim's card, focused
    await page.locator('#claim-c-monitor:focus').waitFor();
    await page.goBack();
    await claim.getByTestId('source-claim-incident').click();
    await byTestId('incident-page', '[data-feed="live"]').waitFor();
  });

  test('a source with more claims than a page lists them all through “Show more”', async () => {
    for (let n = 0; n < 55; n += 1) {
      await write(booted.url, `/incidents/desk-other/statements`, {
        claimId: `c-wire-${n}`,
        text: `Water rose by ${n} cm.`,
        attribution: [{ name: 'Delta Wire', kind: 'wire' }],
        reportedAt: new Date(Date.UTC(2026, 10, 2, 0, n)).toISOString(),
      });
    }
    await page.goto(`${booted.url}/#/sources/wire/Delta%20Wire`);
    await byTestId('source-claim').first().waitFor();
    expect(await byTestId('source-claim').count()).toBe(50);
    await byTestId('source-claims-more').click();
    await byTestId('source-claim', '[data-claim-id="c-wire-54"]').waitFor();
    expect(await byTestId('source-claim').count()).toBe(55);
    expect(await byTestId('source-claims-more').count()).toBe(0);
  });

  test('the search box uses the full-text search: a tag, several words, a prefix, a source', async () => {
    await page.goto(`${booted.url}/#/`);
    await byTestId('incidents-list', '[data-feed="live"]').waitFor({ state: 'attached' });
    await byTestId('incident-row', '[data-incident-id="desk-other"]').waitFor();
    const found = async (text: string): Promise<string[]> => {
      await byTestId('incidents-search').fill(text);
      await byTestId('incidents-search').press('Enter');
      await page.waitForFunction((q) => {
        const list = document.querySelector('[data-testid="incidents-list"]');
        return list?.getAttribute('data-query') === q;
      }, text.trim());
      return byTestId('incident-row').evaluateAll((rows) =>
        rows.map((row) => row.getAttribute('data-incident-id') ?? ''),
      );
    };
    expect(await found('bridge-collapse')).toEqual([DESK]);
    expect(await found('qasr bridge')).toEqual([DESK]);
    expect(await found('Qas')).toEqual([DESK]);
    expect(await found('eastern span')).toEqual([DESK]);
    expect(await found('Delta Wire')).toEqual(['desk-other']);
    expect(await found('bridge flooding')).toEqual([]);
    await page.getByText('No incident matches.').waitFor();
  });

  test('more than a page of sources: the first hundred, then “Show more”, sorted together', async () => {
    for (let n = 0; n < 95; n += 1) {
      await write(booted.url, `/incidents/desk-other/statements`, {
        text: `Stringer report ${n}.`,
        attribution: [{ name: `Stringer ${String(n).padStart(2, '0')}`, kind: 'person' }],
        reportedAt: new Date(Date.UTC(2026, 10, 3, 0, n)).toISOString(),
      });
    }
    await page.goto(`${booted.url}/#/sources`);
    const rows = byTestId('sources-table').getByTestId('source-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(100);
    await byTestId('sort-name').click();
    await byTestId('sources-more').click();
    await byTestId('sources-more').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(101);
    const names = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-name')));
    expect(names.slice(0, 2)).toEqual(['Army spokesman', 'Bridge Monitor']);
    expect(names.at(-1)).toBe('Stringer 94');
  });

  test('a phone (390 px): casualties before the claims, nothing wider than the screen, history labels whole', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDesk();
    await byTestId('casualty-chart').locator('canvas').waitFor();
    const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-phone-')), 'desk.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);

    const layout = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      const casualties = box('[data-testid="casualties-panel"]');
      const claims = box('[data-testid="claims"]');
      const timeline = box('[data-testid="timeline"]');
      return {
        scrollWidth: document.documentElement.scrollWidth,
        casualtiesTop: casualties?.top ?? NaN,
        casualtiesRight: casualties?.right ?? NaN,
        claimsTop: claims?.top ?? NaN,
        claimsBottom: claims?.bottom ?? NaN,
        timelineTop: timeline?.top ?? NaN,
        claimsRight: claims?.right ?? NaN,
        widest: Math.max(
          ...[...document.querySelectorAll('main *')].map(
            (element) => element.getBoundingClientRect().right,
          ),
        ),
      };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.widest).toBeLessThanOrEqual(390);
    expect(layout.casualtiesTop).toBeLessThan(layout.claimsTop);
    expect(layout.timelineTop).toBeGreaterThan(layout.claimsBottom);
    expect(layout.casualtiesRight).toBeLessThanOrEqual(390);
    expect(layout.claimsRight).toBeLessThanOrEqual(390);

    // every point's tooltip, the long wording's too, fits the phone's canvas
    const canvas = byTestId('casualty-chart').locator('canvas');
    for (const source of ['Health Ministry', 'Bridge Monitor', 'Army spokesman']) {
      const tooltip = await hoverPoint(page, canvas, source);
      expect(tooltip.lines.join(' ')).toContain(source);
      expectInside(tooltip);
    }

    // a claim's history: every label cell is as wide as its longest word (no break inside one)
    await byTestId('claim', '[data-claim-id="c-monitor"]')
      .getByTestId('claim-history-button')
      .click();
    await byTestId('history-change').first().waitFor();
    const broken = await byTestId('history-dialog')
      .locator('th[scope="row"]')
      .evaluateAll((cells) =>
        cells.flatMap((cell) => {
          const split: string[] = [];
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              const lines = new Set(
                [...range.getClientRects()].map((rect) => Math.round(rect.top)),
              );
              if (lines.size > 1) split.push(word[0]);
            }
          }
          return cell.scrollWidth > cell.clientWidth
            ? [...split, `overflow: ${cell.textContent}`]
            : split;
        }),
      );
    expect(await byTestId('history-dialog').locator('th[scope="row"]').count()).toBeGreaterThan(0);
    expect(broken).toEqual([]);
    await page.keyboard.press('Escape');

    // the sources table scrolls inside its box; the page itself does not widen
    await page.goto(`${booted.url}/#/sources`);
    await byTestId('sources-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(browser.pageErrors).toEqual([]);
  });

  test('a claim retracted while the form is open: the service’s 409 detail', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openDesk();
    await page.evaluate(() => sessionStorage.clear());
    await openDesk();
    const line = killedLine();
    await useToken(line, TOKENS.editor);
    const form = line.getByTestId('assessment-form');
    await fillAssessment(form, { low: '2', best: '8', high: '12', reason: 'Army and monitor' });
    await form.locator('input[value="c-army"]').check();
    await write(booted.url, `/incidents/${DESK}/claims/c-army/retractions`, {
      attribution: [{ name: 'Army spokesman', kind: 'military' }],
      reportedAt: new Date().toISOString(),
      reason: 'withdrawn',
    });
    await line.locator('[data-testid="casualty-source"][data-claim-id="c-army"]').waitFor({
      state: 'detached',
    });
    // still ticked, and saying it left the line, so the editor sees what the service will refuse
    const stale = form.locator('label', { has: page.locator('input[value="c-army"]:checked') });
    expect(await stale.textContent()).toBe('c-army (no longer a live figure)');
    const retracted = await refusal('editor', {
      measure: 'killed',
      group: 'civilians',
      low: 2,
      best: 8,
      high: 12,
      basis: ['c-army'],
      reason: 'Army and monitor',
    });
    expect(retracted.status).toBe(409);
    await form.getByRole('button', { name: 'Record assessment' }).click();
    expect(await form.getByTestId('assessment-error').textContent()).toBe(retracted.detail);
  });
});

/** Hovers the first drawn point of a source's line and returns the tooltip the chart drew. */
async function hoverPoint(page: Page, canvas: Locator, source: string): Promise<Tooltip> {
  const points = JSON.parse((await canvas.getAttribute('data-points')) ?? '[]') as {
    dataset: string;
    x: number;
    y: number;
  }[];
  const point = points.find((candidate) => candidate.dataset.startsWith(source));
  if (!point) throw new Error(`no point of ${source} in ${JSON.stringify(points)}`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the canvas has no box');
  await page.mouse.move(box.x + point.x, box.y + point.y);
  const handle = await page.waitForFunction((name) => {
    const drawn = document.querySelector<HTMLCanvasElement>(
      '[data-testid="casualty-chart"] canvas',
    );
    const tooltip = drawn?.dataset.tooltip;
    return tooltip && tooltip.includes(name) ? tooltip : undefined;
  }, source);
  return JSON.parse((await handle.jsonValue()) as string) as Tooltip;
}

function expectInside(tooltip: Tooltip): void {
  expect(tooltip.x).toBeGreaterThanOrEqual(0);
  expect(tooltip.y).toBeGreaterThanOrEqual(0);
  expect(tooltip.x + tooltip.width).toBeLessThanOrEqual(tooltip.canvasWidth);
  expect(tooltip.y + tooltip.height).toBeLessThanOrEqual(tooltip.canvasHeight);
}

/** Clicks a download button and returns the saved file's name and text. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}
