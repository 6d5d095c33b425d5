/** Test support: reading the incident page's claims section the way a reader sees it. */
import type { Page } from 'playwright-core';

/** The cards of the claims list (not a pinned linked claim). */
export const LISTED = '[data-testid="claims"] > [data-testid="claim"]';

/** Waits until the claims listing has answered (not loading) and shows `count` claims. */
export async function listed(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, want }) =>
      document.querySelector('[data-testid="claims"]')?.getAttribute('data-loading') === 'false' &&
      document.querySelectorAll(selector).length === want,
    { selector: LISTED, want: count },
  );
}

/** The claim ids of the list, top to bottom. */
export function listedIds(page: Page): Promise<(string | null)[]> {
  return page
    .locator(LISTED)
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-claim-id')));
}
