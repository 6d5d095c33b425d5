/** A small At Tanf-like story with controlled recordedAt times, appended straight to the store. */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncidentEvent } from '../../src/incidents/domain/events.js';
import { seed } from '../projections/seed.js';
import {
  casualties,
  disputed,
  opened,
  statement,
  statusChanged,
} from '../support/incident-events.js';

export const STORY: { event: IncidentEvent; recordedAt: string }[] = [
  {
    event: opened('at-tanf', 'Strike near At Tanf', ['syria']),
    recordedAt: '2017-05-18T16:00:00.000Z',
  },
  {
    event: statement('target-army', '2017-05-18T15:30:00Z'),
    recordedAt: '2017-05-18T16:05:00.000Z',
  },
  {
    event: casualties('centcom', [1, null], '2017-05-18T19:00:00Z', 'CentCom'),
    recordedAt: '2017-05-18T19:10:00.000Z',
  },
  {
    event: statement('target-militia', '2017-05-18T16:30:00Z'),
    recordedAt: '2017-05-18T20:00:00.000Z',
  },
  { event: disputed('target-army', 'target-militia'), recordedAt: '2017-05-18T20:05:00.000Z' },
  {
    event: casualties('masdar', [6, 6], '2017-05-18T19:05:00Z'),
    recordedAt: '2017-05-18T20:10:00.000Z',
  },
  { event: statusChanged('confirmed', 'developing'), recordedAt: '2017-05-18T21:00:00.000Z' },
];

/**
 * Revisions in by=reported order (world time): the opening first, reportedAt, the undated
 * dispute on the later of its claims' first reportedAt (16:30), the status change on recordedAt.
 */
export const REPORTED_ORDER = [0, 1, 3, 4, 2, 5, 6];

export async function seedStory(app: NestExpressApplication, incidentId = 'at-tanf') {
  const events = STORY.map(({ event }) =>
    event.type === 'IncidentOpened' ? { ...event, data: { ...event.data, incidentId } } : event,
  );
  return seed(app, incidentId, events, {
    recordedAt: STORY.map((entry) => entry.recordedAt),
    recordedBy: 'rita',
  });
}
