import { describe, expect, test } from '@jest/globals';
import type { Command } from './commands.js';
import { decide } from './decide.js';
import { expectRefusal } from './testing/expect-refusal.js';
import { Recorder } from './testing/recorder.js';
import { INCIDENT_ID, opened, statement } from './testing/samples.js';

const NOW = new Date('2017-05-18T21:00:00Z');

function given(...events: Parameters<Recorder['record']>) {
  const recorder = new Recorder();
  recorder.record(...events);
  return recorder.state;
}

describe('OpenIncident', () => {
  test('a new incident is opened with its details normalised', () => {
    const events = decide(
      {
        type: 'OpenIncident',
        incidentId: 'at-tanf',
        title: '  Strike  ',
        summary: 'A summary',
        location: { name: 'At Tanf', lat: 33.5, lon: 38.62 },
        occurredAt: { at: '2017-05-18T02:00:00+02:00', precision: 'day' },
        tags: ['syria', ' syria ', 'airstrike'],
      },
      null,
      NOW,
    );
    expect(events).toEqual([
      {
        type: 'IncidentOpened',
        data: {
          incidentId: 'at-tanf',
          title: 'Strike',
          summary: 'A summary',
          location: { name: 'At Tanf', lat: 33.5, lon: 38.62 },
          occurredAt: { at: '2017-05-18T00:00:00.000Z', precision: 'day' },
          tags: ['syria', 'airstrike'],
        },
      },
    ]);
  });

  test('only the title is required', () => {
    const [event] = decide({ type: 'OpenIncident', incidentId: 'x-1', title: 'T' }, null, NOW);
    expect(event).toEqual({ type: 'IncidentOpened', data: { incidentId: 'x-1', title: 'T' } });
  });

  test('an incident that exists cannot be opened again (409)', () => {
    const state = given(opened);
    expectRefusal(
      () => decide({ type: 'OpenIncident', incidentId: INCIDENT_ID, title: 'Again' }, state, NOW),
      'incident_exists',
    );
  });

  test.each([
    [{ title: ' ' }, 'invalid_value', 'title'],
    [{ location: { name: 'X', lat: 91 } }, 'invalid_value', 'location.lat'],
    [{ location: { name: 'X', lon: -181 } }, 'invalid_value', 'location.lon'],
    [{ occurredAt: { at: 'yesterday', precision: 'day' } }, 'invalid_time', 'occurredAt.at'],
    [
      { occurredAt: { at: '2017-05-18', precision: 'week' } },
      'invalid_value',
      'occurredAt.precision',
    ],
    [{ tags: ['ok', ''] }, 'invalid_value', 'tags[1]'],
  ] as const)('invalid details are refused: %j', (patch, code, field) => {
    const command = { type: 'OpenIncident', incidentId: 'x-1', title: 'T', ...patch } as Command;
    expectRefusal(() => decide(command, null, NOW), code, field);
  });
});

describe('every other command needs the incident (404)', () => {
  const base = { incidentId: 'missing', claimId: 'c1' };
  const attribution = [{ name: 'AFP', kind: 'wire' as const }];
  const reportedAt = '2017-05-18T15:00:00Z';
  const commands: Command[] = [
    { type: 'ReviseIncidentDetails', incidentId: 'missing', title: 'New' },
    { type: 'ChangeStatus', incidentId: 'missing', status: 'confirmed' },
    { type: 'ReportStatement', ...base, text: 'x', attribution, reportedAt },
    {
      type: 'ReportCasualtyFigures',
      ...base,
      attribution,
      reportedAt,
      figures: [{ measure: 'killed', group: 'g', min: 1, max: 1 }],
    },
    { type: 'ReviseClaim', ...base, text: 'y', attribution, reportedAt },
    { type: 'CorrectClaim', ...base, text: 'y', reason: 'typo' },
    { type: 'DisputeClaim', ...base, disputedByClaimId: 'c2' },
    { type: 'RetractClaim', ...base, attribution, reportedAt, reason: 'withdrawn' },
  ];
  test.each(commands)('$type', (command) => {
    expectRefusal(() => decide(command, null, NOW), 'incident_not_found');
  });
});

describe('ReviseIncidentDetails', () => {
  test('records only the fields that change, with the reason', () => {
    const state = given(opened);
    const events = decide(
      {
        type: 'ReviseIncidentDetails',
        incidentId: INCIDENT_ID,
        title: 'Strike near a town',
        summary: 'Now with a summary',
        tags: ['test', 'airstrike'],
        reason: 'more context',
      },
      state,
      NOW,
    );
    expect(events).toEqual([
      {
        type: 'IncidentDetailsRevised',
        data: {
          summary: 'Now with a summary',
          tags: ['test', 'airstrike'],
          reason: 'more context',
        },
      },
    ]);
  });

  test('null clears an optional field', () => {
    const state = given(opened);
    const events = decide(
      { type: 'ReviseIncidentDetails', incidentId: INCIDENT_ID, location: null, occurredAt: null },
      state,
      NOW,
    );
    expect(events).toEqual([
      { type: 'IncidentDetailsRevised', data: { location: null, occurredAt: null } },
    ]);
  });

  test('a revision that changes nothing is refused', () => {
    const state = given(opened);
    expectRefusal(
      () =>
        decide(
          {
            type: 'ReviseIncidentDetails',
            incidentId: INCIDENT_ID,
            title: 'Strike near a town',
            location: { name: 'Town', lat: 33.5, lon: 38.6 },
            reason: 'no-op',
          },
          state,
          NOW,
        ),
      'nothing_to_change',
    );
    expectRefusal(
      () => decide({ type: 'ReviseIncidentDetails', incidentId: INCIDENT_ID }, state, NOW),
      'nothing_to_change',
    );
  });
});

describe('ChangeStatus', () => {
  test('a status change records the new and the previous status', () => {
    const state = given(opened);
    const events = decide(
      { type: 'ChangeStatus', incidentId: INCIDENT_ID, status: 'confirmed', reason: 'statement' },
      state,
      NOW,
    );
    expect(events).toEqual([
      {
        type: 'IncidentStatusChanged',
        data: { status: 'confirmed', previousStatus: 'developing', reason: 'statement' },
      },
    ]);
  });

  test('any order is allowed', () => {
    const state = given(opened, {
      type: 'IncidentStatusChanged',
      data: { status: 'closed', previousStatus: 'developing' },
    });
    const [event] = decide(
      { type: 'ChangeStatus', incidentId: INCIDENT_ID, status: 'developing' },
      state,
      NOW,
    );
    expect(event).toEqual({
      type: 'IncidentStatusChanged',
      data: { status: 'developing', previousStatus: 'closed' },
    });
  });

  test('a status change must change the status', () => {
    const state = given(opened);
    expectRefusal(
      () =>
        decide({ type: 'ChangeStatus', incidentId: INCIDENT_ID, status: 'developing' }, state, NOW),
      'status_unchanged',
      'status',
    );
  });

  test('an unknown status is refused', () => {
    const state = given(opened, statement('c1'));
    const command = {
      type: 'ChangeStatus',
      incidentId: INCIDENT_ID,
      status: 'done',
    } as unknown as Command;
    expectRefusal(() => decide(command, state, NOW), 'invalid_value', 'status');
  });
});
