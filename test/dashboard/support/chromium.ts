import { describe } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw, to assert none happened. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile that is removed on close. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run scripts/ensure-chromium.sh (apt-get install chromium)`,
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A suite that drives Chromium. With STORYLINE_SKIP_BROWSER set (to the reason, e.g. the CI run on
 * a second Node version) it is skipped, and the skip names that reason in the run's summary.
 */
export function describeInChromium(title: string, suite: () => void): void {
  const reason = process.env.STORYLINE_SKIP_BROWSER;
  if (reason) describe.skip(`${title} — skipped: STORYLINE_SKIP_BROWSER=${reason}`, suite);
  else describe(title, suite);
}
