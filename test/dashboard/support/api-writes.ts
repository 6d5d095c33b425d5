import { write, type Written } from '../../support/http-writes.js';

export { openIncident, write, type Written } from '../../support/http-writes.js';

export const reuters = [{ name: 'Reuters', kind: 'wire' }];

export function statement(
  url: string,
  incidentId: string,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<Written> {
  return write(url, `/incidents/${incidentId}/statements`, {
    text,
    attribution: reuters,
    reportedAt: new Date().toISOString(),
    ...extra,
  });
}

export function killed(min: number, max: number | null) {
  return [{ measure: 'killed', group: 'civilians', min, max }];
}
