/** Test support: an incident with four casualty sources, a dispute and a retraction, for the desk's panels. */
import { openIncident, write } from './support/api-writes.js';

export const DESK = 'desk-bridge';
const hour = (h: number): string => new Date(Date.UTC(2026, 10, 2, h)).toISOString();

const figure = (min: number, max: number | null, wording?: string) => [
  { measure: 'killed', group: 'civilians', min, max, ...(wording && { wording }) },
];

/**
 * Ministry 10–12, Monitor 8 (a long wording), Army 2 (disputed by the Ministry), a blogger's 900
 * (retracted): range 2–12, undisputed 8–12, the retracted figure out of the scale.
 */
export async function recordDeskStory(url: string): Promise<void> {
  await write(url, '/incidents', {
    incidentId: DESK,
    title: 'Strike on the Qasr al-Nil bridge',
    summary: 'A strike hit the bridge at the evening rush hour.',
    tags: ['bridge-collapse', 'test'],
  });
  await write(url, `/incidents/${DESK}/casualty-reports`, {
    claimId: 'c-ministry',
    attribution: [{ name: 'Health Ministry', kind: 'government' }],
    reportedAt: hour(9),
    figures: figure(10, 12),
  });
  await write(url, `/incidents/${DESK}/casualty-reports`, {
    claimId: 'c-monitor',
    attribution: [{ name: 'Bridge Monitor', kind: 'ngo' }],
    reportedAt: hour(11),
    figures: figure(
      8,
      8,
      'at least eight people, most of them commuters waiting at the eastern bus stop, were killed',
    ),
  });
  await write(url, `/incidents/${DESK}/casualty-reports`, {
    claimId: 'c-army',
    attribution: [{ name: 'Army spokesman', kind: 'military' }],
    reportedAt: hour(12),
    figures: figure(2, 2),
  });
  await write(url, `/incidents/${DESK}/claims/c-army/disputes`, {
    disputedByClaimId: 'c-ministry',
  });
  await write(url, `/incidents/${DESK}/casualty-reports`, {
    claimId: 'c-blogger',
    attribution: [{ name: 'Local blogger', kind: 'person' }],
    reportedAt: hour(13),
    figures: figure(900, 900),
  });
  await write(url, `/incidents/${DESK}/claims/c-blogger/retractions`, {
    attribution: [{ name: 'Local blogger', kind: 'person' }],
    reportedAt: hour(14),
    reason: 'a typo for 9',
  });
  await write(url, `/incidents/${DESK}/statements`, {
    claimId: 'c-said',
    text: 'The eastern span collapsed into the river.',
    attribution: [{ name: 'Reuters', kind: 'wire' }],
    reportedAt: hour(10),
  });
  await openIncident(url, 'desk-other', 'Flooding in the delta');
}
