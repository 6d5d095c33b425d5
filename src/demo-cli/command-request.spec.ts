import { describe, expect, test } from '@jest/globals';
import { atTanf2017Commands } from '../incidents/demo/at-tanf-2017.js';
import type { Command } from '../incidents/domain/commands.js';
import { freshIncidentId, toRequest, withIncidentId } from './command-request.js';

const chain = [{ name: 'Reuters', kind: 'wire' as const }];

describe('toRequest', () => {
  test('maps each command to its API.md route, ids in the path, the rest in the body', () => {
    const cases: Array<[Command, string, string, Record<string, unknown>]> = [
      [
        { type: 'OpenIncident', incidentId: 'abc', title: 'T' },
        'POST',
        '/incidents',
        { incidentId: 'abc', title: 'T' },
      ],
      [
        { type: 'ReviseIncidentDetails', incidentId: 'abc', title: 'U', reason: 'typo' },
        'PATCH',
        '/incidents/abc',
        { title: 'U', reason: 'typo' },
      ],
      [
        { type: 'ChangeStatus', incidentId: 'abc', status: 'confirmed' },
        'POST',
        '/incidents/abc/status',
        { status: 'confirmed' },
      ],
      [
        {
          type: 'ReportStatement',
          incidentId: 'abc',
          claimId: 'c1',
          text: 'x',
          attribution: chain,
          reportedAt: '2017-05-18T15:30:00Z',
        },
        'POST',
        '/incidents/abc/statements',
        { claimId: 'c1', text: 'x', attribution: chain, reportedAt: '2017-05-18T15:30:00Z' },
      ],
      [
        {
          type: 'ReportCasualtyFigures',
          incidentId: 'abc',
          claimId: 'c2',
          attribution: chain,
          reportedAt: 't',
          figures: [],
        },
        'POST',
        '/incidents/abc/casualty-reports',
        { claimId: 'c2', attribution: chain, reportedAt: 't', figures: [] },
      ],
      [
        {
          type: 'ReviseClaim',
          incidentId: 'abc',
          claimId: 'c2',
          attribution: chain,
          reportedAt: 't',
          note: 'n',
        },
        'POST',
        '/incidents/abc/claims/c2/revisions',
        { attribution: chain, reportedAt: 't', note: 'n' },
      ],
      [
        { type: 'CorrectClaim', incidentId: 'abc', claimId: 'c2', text: 'y', reason: 'r' },
        'POST',
        '/incidents/abc/claims/c2/corrections',
        { text: 'y', reason: 'r' },
      ],
      [
        { type: 'DisputeClaim', incidentId: 'abc', claimId: 'c1', disputedByClaimId: 'c3' },
        'POST',
        '/incidents/abc/claims/c1/disputes',
        { disputedByClaimId: 'c3' },
      ],
      [
        {
          type: 'RetractClaim',
          incidentId: 'abc',
          claimId: 'c1',
          attribution: chain,
          reportedAt: 't',
          reason: 'r',
        },
        'POST',
        '/incidents/abc/claims/c1/retractions',
        { attribution: chain, reportedAt: 't', reason: 'r' },
      ],
    ];
    for (const [command, method, path, body] of cases) {
      expect(toRequest(command)).toEqual({ method, path, body });
    }
  });

  test('leaves undefined fields out of the body', () => {
    const request = toRequest({
      type: 'ChangeStatus',
      incidentId: 'abc',
      status: 'closed',
      reason: undefined,
    });
    expect(Object.keys(request.body)).toEqual(['status']);
  });
});

describe('the demo story under a fresh id', () => {
  test('every command targets the fresh incident, which is a valid id', () => {
    const id = freshIncidentId('at-tanf-2017-05-18', Date.UTC(2026, 0, 1));
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]{2,63}$/);
    expect(id).not.toBe('at-tanf-2017-05-18');
    const commands = withIncidentId(atTanf2017Commands(), id);
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.every((command) => command.incidentId === id)).toBe(true);
    expect(toRequest(commands[0]).body.incidentId).toBe(id);
    expect(
      commands.slice(1).every((command) => toRequest(command).path.startsWith(`/incidents/${id}/`)),
    ).toBe(true);
  });
});
