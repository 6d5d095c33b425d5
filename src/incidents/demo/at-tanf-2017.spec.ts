import { describe, expect, test } from '@jest/globals';
import { claimHistory } from '../domain/history.js';
import { Recorder } from '../domain/testing/recorder.js';
import { foldReportedBy } from '../domain/time-travel.js';
import { timelineOf } from '../domain/timeline.js';
import { toIncidentView } from '../domain/view.js';
import { AT_TANF_2017, AT_TANF_INCIDENT_ID, atTanf2017Commands } from './at-tanf-2017.js';

/** The whole story through decide + evolve, recorded a second apart after the story ended. */
function loadStory() {
  const recorder = new Recorder(undefined, 'demo');
  recorder.clock.set('2017-05-18T21:00:00Z');
  for (const command of atTanf2017Commands()) recorder.execute(command);
  return recorder;
}

describe('the At Tanf demo story', () => {
  test('every step is accepted and records one event', () => {
    const recorder = loadStory();
    expect(recorder.events).toHaveLength(AT_TANF_2017.length);
    expect(new Set(AT_TANF_2017.map((step) => step.command.incidentId))).toEqual(
      new Set([AT_TANF_INCIDENT_ID]),
    );
  });

  test('the final view: the target dispute, consolidated casualties, confirmed', () => {
    const view = toIncidentView(loadStory().state!);
    expect(view).toMatchObject({
      incidentId: 'at-tanf-2017-05-18',
      title: 'Coalition strike on pro-government convoy near At Tanf',
      status: 'confirmed',
      occurredAt: { at: '2017-05-18T00:00:00.000Z', precision: 'day' },
      tags: ['syria', 'at-tanf', 'coalition', 'airstrike'],
    });
    const claim = (id: string) => view.claims.find((c) => c.claimId === id);
    expect(claim('c01-target-syrian-army')).toMatchObject({
      state: 'disputed',
      disputedBy: ['c08-target-militia'],
      versions: 2,
      source: 'unnamed US defense official (via Sputnik)',
    });
    expect(claim('c08-target-militia')?.text).toContain('militia allied with the Syrian Arab Army');

    expect(view.casualties).toEqual([
      {
        measure: 'killed',
        group: 'pro-government militia',
        min: 1,
        max: null,
        sources: [
          {
            claimId: 'c11-al-masdar-casualties',
            source: 'Al-Masdar News',
            min: 6,
            max: 6,
            reportedAt: '2017-05-18T19:05:00.000Z',
          },
          {
            claimId: 'c14-casualties-believed',
            source: 'Josh Jacques (via Sputnik, RT)',
            min: 1,
            max: null,
            reportedAt: '2017-05-18T20:00:00.000Z',
            wording: 'casualties believed',
          },
        ],
        undisputed: { min: 1, max: null },
        assessment: null,
      },
      {
        measure: 'injured',
        group: 'pro-government militia',
        min: 3,
        max: 3,
        sources: [
          {
            claimId: 'c11-al-masdar-casualties',
            source: 'Al-Masdar News',
            min: 3,
            max: 3,
            reportedAt: '2017-05-18T19:05:00.000Z',
          },
        ],
        undisputed: { min: 3, max: 3 },
        assessment: null,
      },
    ]);
  });

  test('as reported by 17:00 on the day: only claims #1 to #7, still developing', () => {
    const state = foldReportedBy(loadStory().events, '2017-05-18T17:00:00Z');
    const view = toIncidentView(state!);
    expect(view.claims.map((c) => c.claimId)).toEqual([
      'c01-target-syrian-army',
      'c02-force-protection',
      'c03-warning-shots',
      'c04-casualties-unknown',
      'c05-militia-nearby',
      'c06-rebels-notified-coalition',
      'c07-convoy-ignored-warnings',
    ]);
    expect(view.claims[0]?.state).toBe('active');
    expect(view.status).toBe('developing');
    expect(view.casualties).toEqual([]);
  });

  test('the dispute and the status change count at their world time (18:30, 18:45)', () => {
    const events = loadStory().events;
    const at = (time: string) => toIncidentView(foldReportedBy(events, `2017-05-18T${time}Z`)!);
    expect(at('18:29:59').claims[0]?.state).toBe('active');
    expect(at('18:30:00').claims[0]).toMatchObject({ state: 'disputed', flags: ['disputed'] });
    expect(at('18:44:59').status).toBe('developing');
    expect(at('18:45:00').status).toBe('confirmed');
  });

  test("the disputed claim's history and the timeline lines", () => {
    const recorder = loadStory();
    const history = claimHistory(recorder.events, 'c01-target-syrian-army');
    expect(history.versions.map((v) => [v.type, v.claim.state, v.recordedBy])).toEqual([
      ['StatementReported', 'active', 'demo'],
      ['ClaimDisputed', 'disputed', 'demo'],
    ]);
    const lines = timelineOf(recorder.events).map((entry) => entry.summary);
    expect(lines).toContain('Al-Masdar News: 6 killed, 3 injured (pro-government militia)');
    expect(lines).toContain(
      "RT's claim c08-target-militia disputes claim c01-target-syrian-army — " +
        'RT: a militia allied with the Syrian army was hit, not the army',
    );
    expect(lines).toContain(
      'Status: developing → confirmed — The coalition confirmed the strike in an official statement',
    );
  });
});
