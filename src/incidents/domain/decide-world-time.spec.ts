import { describe, expect, test } from '@jest/globals';
import type { Command } from './commands.js';
import { decide } from './decide.js';
import type { IncidentEvent } from './events.js';
import { expectRefusal } from './testing/expect-refusal.js';
import { Recorder } from './testing/recorder.js';
import { INCIDENT_ID, casualties, opened, statement, wire } from './testing/samples.js';

const NOW = new Date('2017-05-18T21:00:00Z');
const id = INCIDENT_ID;

function when(command: Command, ...events: IncidentEvent[]) {
  const recorder = new Recorder();
  recorder.record(opened, ...events);
  return decide(command, recorder.state, NOW);
}

describe('world time on disputes and editorial events', () => {
  test('a status change, a details revision and a dispute keep a given reportedAt, in UTC', () => {
    expect(
      when({
        type: 'ChangeStatus',
        incidentId: id,
        status: 'confirmed',
        reportedAt: '2017-05-18T20:45:00+02:00',
      }),
    ).toEqual([
      {
        type: 'IncidentStatusChanged',
        data: {
          status: 'confirmed',
          previousStatus: 'developing',
          reportedAt: '2017-05-18T18:45:00.000Z',
        },
      },
    ]);
    expect(
      when({
        type: 'ReviseIncidentDetails',
        incidentId: id,
        title: 'New',
        reportedAt: '2017-05-18T19:00:00Z',
      }),
    ).toEqual([
      {
        type: 'IncidentDetailsRevised',
        data: { title: 'New', reportedAt: '2017-05-18T19:00:00.000Z' },
      },
    ]);
    expect(
      when(
        {
          type: 'DisputeClaim',
          incidentId: id,
          claimId: 'c1',
          disputedByClaimId: 'c2',
          reportedAt: '2017-05-18T18:40:00Z',
        },
        statement('c1'),
        statement('c2'),
      ),
    ).toEqual([
      {
        type: 'ClaimDisputed',
        data: { claimId: 'c1', disputedByClaimId: 'c2', reportedAt: '2017-05-18T18:40:00.000Z' },
      },
    ]);
  });

  test('without reportedAt they carry none (undated, as before)', () => {
    const [event] = when({ type: 'ChangeStatus', incidentId: id, status: 'closed' });
    expect(event?.data).not.toHaveProperty('reportedAt');
  });

  test('a world time more than 5 minutes ahead is refused, as on a statement', () => {
    const ahead = new Date(NOW.getTime() + 6 * 60_000).toISOString();
    expectRefusal(
      () => when({ type: 'ChangeStatus', incidentId: id, status: 'closed', reportedAt: ahead }),
      'reported_in_future',
      'reportedAt',
    );
    expectRefusal(
      () =>
        when(
          {
            type: 'DisputeClaim',
            incidentId: id,
            claimId: 'c1',
            disputedByClaimId: 'c2',
            reportedAt: ahead,
          },
          statement('c1'),
          statement('c2'),
        ),
      'reported_in_future',
      'reportedAt',
    );
    expectRefusal(
      () =>
        when({ type: 'ChangeStatus', incidentId: id, status: 'closed', reportedAt: 'yesterday' }),
      'invalid_time',
      'reportedAt',
    );
  });
});

describe('reported-before-claim', () => {
  const first = '2017-05-18T15:30:00.000Z';
  const before = '2017-05-18T15:29:59.000Z';
  test('a revision or retraction reported before its claim was first reported is refused', () => {
    expectRefusal(
      () =>
        when(
          {
            type: 'ReviseClaim',
            incidentId: id,
            claimId: 'c1',
            text: 'New',
            attribution: wire,
            reportedAt: before,
          },
          statement('c1', first),
        ),
      'reported_before_claim',
      'reportedAt',
    );
    expectRefusal(
      () =>
        when(
          {
            type: 'RetractClaim',
            incidentId: id,
            claimId: 'c1',
            attribution: wire,
            reportedAt: before,
            reason: 'x',
          },
          statement('c1', first),
        ),
      'reported_before_claim',
      'reportedAt',
    );
  });

  test('at the first reportedAt, or after it, both are accepted', () => {
    const [revision] = when(
      {
        type: 'ReviseClaim',
        incidentId: id,
        claimId: 'c1',
        text: 'New',
        attribution: wire,
        reportedAt: first,
      },
      statement('c1', first),
    );
    expect(revision?.type).toBe('ClaimRevisedBySource');
    const [retraction] = when(
      {
        type: 'RetractClaim',
        incidentId: id,
        claimId: 'c1',
        attribution: wire,
        reportedAt: first,
        reason: 'x',
      },
      statement('c1', first),
    );
    expect(retraction?.type).toBe('ClaimRetracted');
  });
});

describe('quoted on revisions and corrections', () => {
  test('a revision and a correction may set quoted; quoted alone is a change', () => {
    const [revision] = when(
      {
        type: 'ReviseClaim',
        incidentId: id,
        claimId: 'c1',
        text: 'Reworded',
        quoted: 'verbatim',
        attribution: wire,
        reportedAt: '2017-05-18T16:00:00Z',
      },
      statement('c1'),
    );
    expect(revision?.data).toMatchObject({ text: 'Reworded', quoted: 'verbatim' });
    const [correction] = when(
      {
        type: 'CorrectClaim',
        incidentId: id,
        claimId: 'c1',
        quoted: 'verbatim',
        reason: 'it was a quote',
      },
      statement('c1'),
    );
    expect(correction).toEqual({
      type: 'ClaimCorrected',
      data: { claimId: 'c1', quoted: 'verbatim', reason: 'it was a quote' },
    });
  });

  test('the same quoted is no change; quoted on a casualties claim or an unknown value is refused', () => {
    expectRefusal(
      () =>
        when(
          {
            type: 'CorrectClaim',
            incidentId: id,
            claimId: 'c1',
            quoted: 'paraphrase',
            reason: 'x',
          },
          statement('c1'),
        ),
      'nothing_to_change',
    );
    expectRefusal(
      () =>
        when(
          { type: 'CorrectClaim', incidentId: id, claimId: 'f1', quoted: 'verbatim', reason: 'x' },
          casualties('f1', [1, 1]),
        ),
      'claim_kind_mismatch',
      'quoted',
    );
    expectRefusal(
      () =>
        when(
          // @ts-expect-error an unknown value reaching the domain without DTO validation
          { type: 'CorrectClaim', incidentId: id, claimId: 'c1', quoted: 'loosely', reason: 'x' },
          statement('c1'),
        ),
      'invalid_value',
      'quoted',
    );
  });
});
