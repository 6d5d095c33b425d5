/** Small sample commands and events for the domain tests. */
import type { AttributionLink, IncidentEvent } from '../events.js';

export const INCIDENT_ID = 'strike-near-town';

export const opened: IncidentEvent = {
  type: 'IncidentOpened',
  data: {
    incidentId: INCIDENT_ID,
    title: 'Strike near a town',
    location: { name: 'Town', lat: 33.5, lon: 38.6 },
    occurredAt: { at: '2017-05-18T00:00:00.000Z', precision: 'day' },
    tags: ['test'],
  },
};

export const wire: AttributionLink[] = [
  { name: 'unnamed official', kind: 'official', named: false },
  { name: 'Reuters', kind: 'wire' },
];

export const outlet: AttributionLink[] = [{ name: 'Al-Masdar News', kind: 'outlet' }];

export function statement(claimId: string, reportedAt = '2017-05-18T15:30:00.000Z'): IncidentEvent {
  return {
    type: 'StatementReported',
    data: {
      claimId,
      text: `Text of ${claimId}`,
      quoted: 'paraphrase',
      topic: 'target',
      attribution: wire,
      reportedAt,
    },
  };
}

export function casualties(
  claimId: string,
  killed: [number, number | null],
  reportedAt = '2017-05-18T19:05:00.000Z',
  attribution: AttributionLink[] = outlet,
): IncidentEvent {
  return {
    type: 'CasualtyFiguresReported',
    data: {
      claimId,
      attribution,
      reportedAt,
      figures: [{ measure: 'killed', group: 'militia', min: killed[0], max: killed[1] }],
    },
  };
}
