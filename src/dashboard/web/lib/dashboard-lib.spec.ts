import { describe, expect, test } from '@jest/globals';
import { atTanf2017Commands } from '../../../incidents/demo/at-tanf-2017.js';
import { Recorder } from '../../../incidents/domain/testing/recorder.js';
import { foldToRevision } from '../../../incidents/domain/time-travel.js';
import { timelineOf } from '../../../incidents/domain/timeline.js';
import { toIncidentView } from '../../../incidents/domain/view.js';
import type { IncidentView, TimelineEntry } from '../api/api-types.js';
import { timelineAt } from '../incident/view-point.js';
import { buildCasualtySeries } from './casualty-series.js';
import { changedClaims, diffClaim } from './claim-changes.js';
import { formatField } from './claim-fields.js';
import { formatRange, fromLocalInput, toLocalInput } from './format.js';
import { eventLabel, isBackdated, sortTimeline } from './timeline-events.js';
import { worldKeys } from './world-time.js';

/** The demo story through the real domain, recorded in 2017 after the reports. */
function story(extra: (recorder: Recorder) => void = () => undefined) {
  const recorder = new Recorder(undefined, 'demo');
  recorder.clock.set('2017-05-18T21:00:00Z');
  for (const command of atTanf2017Commands()) recorder.execute(command);
  extra(recorder);
  const viewAt = (revision: number): IncidentView =>
    toIncidentView(foldToRevision(recorder.events, revision)!);
  return { recorder, timeline: timelineOf(recorder.events), viewAt };
}

describe('casualty series from the timeline', () => {
  test('one series per source, measure and group, at the reported time', () => {
    const { timeline } = story();
    const series = buildCasualtySeries(timeline);
    const keys = series.map(
      (line) => `${line.source}|${line.measure}|${line.points.map((p) => p.y).join(',')}`,
    );
    expect(keys.sort()).toEqual(
      ['Al-Masdar News|injured|3', 'Al-Masdar News|killed|6', 'Josh Jacques|killed|1'].sort(),
    );
    const jacques = series.find((line) => line.source === 'Josh Jacques');
    expect(jacques?.points[0]).toMatchObject({
      x: Date.parse('2017-05-18T20:00:00Z'),
      max: null,
      wording: 'casualties believed',
    });
  });

  test('a source revision adds a point, a correction fixes the last one, a retraction ends it', () => {
    const claimId = 'c11-al-masdar-casualties';
    const chain = [{ name: 'Al-Masdar News', kind: 'outlet' as const }];
    const { timeline } = story((recorder) => {
      const incidentId = 'at-tanf-2017-05-18';
      recorder.execute({
        type: 'ReviseClaim',
        incidentId,
        claimId,
        attribution: chain,
        reportedAt: '2017-05-18T20:30:00Z',
        figures: [{ measure: 'killed', group: 'pro-government militia', min: 7, max: 8 }],
      });
      recorder.execute({
        type: 'CorrectClaim',
        incidentId,
        claimId,
        figures: [{ measure: 'killed', group: 'pro-government militia', min: 7, max: 9 }],
        reason: 'transcription error',
      });
      recorder.execute({
        type: 'RetractClaim',
        incidentId,
        claimId,
        attribution: chain,
        reportedAt: '2017-05-18T20:45:00Z',
        reason: 'withdrawn',
      });
    });
    const killed = buildCasualtySeries(timeline).find(
      (line) => line.claimId === claimId && line.measure === 'killed',
    );
    expect(killed?.points.map((p) => formatRange(p.y, p.max))).toEqual(['6', '7–9']);
    expect(killed?.retracted).toBe(true);
  });

  test('stepping the replay back drops the later figures', () => {
    const { timeline } = story();
    const early = timelineAt(timeline, { kind: 'revision', revision: 13 });
    expect(buildCasualtySeries(early).map((line) => line.source)).toEqual([
      'Al-Masdar News',
      'Al-Masdar News',
    ]);
  });
});

describe('changes between steps', () => {
  test('the dispute marks the disputed claim changed and the disputing one new', () => {
    const { recorder, viewAt } = story();
    const dispute = recorder.events.find((event) => event.type === 'ClaimDisputed')!;
    const before = viewAt(dispute.revision - 2);
    const after = viewAt(dispute.revision);
    const changes = changedClaims(before, after);
    expect(changes.get('c01-target-syrian-army')).toBe('changed');
    expect(changes.get('c08-target-militia')).toBe('new');
    expect(changes.has('c02-force-protection')).toBe(false);
    expect(changedClaims(undefined, after).size).toBe(0);
  });

  test('a claim diff names the changed fields, in words', () => {
    const { recorder, viewAt } = story();
    const dispute = recorder.events.find((event) => event.type === 'ClaimDisputed')!;
    const claim = (view: IncidentView) =>
      view.claims.find((c) => c.claimId === 'c01-target-syrian-army')!;
    const diffs = diffClaim(claim(viewAt(dispute.revision - 1)), claim(viewAt(dispute.revision)));
    // the dispute contests the claim: its grade changes with its state
    expect(diffs.map((d) => d.field).sort()).toEqual(['corroboration', 'disputes', 'state']);
    const grade = diffs.find((d) => d.field === 'corroboration')!;
    expect(formatField('corroboration', grade.after)).toMatch(/^contested, 1 independent source$/);
    const disputes = diffs.find((d) => d.field === 'disputes')!;
    expect(formatField('disputes', disputes.after)).toContain('c08-target-militia');
    expect(formatField('disputes', disputes.before)).toBe('—');
  });
});

describe('timeline helpers', () => {
  const entry = (revision: number, recordedAt: string, reportedAt?: string): TimelineEntry =>
    ({
      revision,
      recordedAt,
      reportedAt,
      position: String(revision + 1),
      eventId: `e${revision}`,
      type: 'StatementReported',
      recordedBy: 't',
      summary: '',
      data: {},
    }) as unknown as TimelineEntry;

  test('a report recorded well after it was published is back-dated; a prompt one is not', () => {
    expect(isBackdated(entry(1, '2017-05-18T21:00:00Z', '2017-05-18T15:30:00Z'))).toBe(true);
    expect(isBackdated(entry(1, '2017-05-18T15:31:00Z', '2017-05-18T15:30:00Z'))).toBe(false);
    expect(isBackdated(entry(1, '2017-05-18T15:31:00Z'))).toBe(false);
  });

  test('newest first by recorded or by reported time', () => {
    const entries = [
      entry(0, '2017-05-18T16:00:00Z', '2017-05-18T15:00:00Z'),
      entry(1, '2017-05-18T17:00:00Z', '2017-05-18T14:00:00Z'),
      entry(2, '2017-05-18T18:00:00Z'),
    ];
    expect(sortTimeline(entries, 'recorded').map((e) => e.revision)).toEqual([2, 1, 0]);
    expect(sortTimeline(entries, 'reported').map((e) => e.revision)).toEqual([2, 0, 1]);
  });

  test('event types read as words, the analyst ones too', () => {
    expect(eventLabel('ClaimSupported')).toBe('Claim supported');
    expect(eventLabel('CasualtyEstimateAssessed')).toBe('Casualty estimate assessed by the desk');
    expect(eventLabel('ClaimDisputed')).toBe('Claim disputed');
  });

  test('an undated support takes the later of its two claims’ world times, as a dispute', () => {
    const at = (revision: number, type: string, data: object, reportedAt?: string) =>
      ({ ...entry(revision, '2017-05-20T09:00:00Z', reportedAt), type, data }) as TimelineEntry;
    const keys = worldKeys([
      at(0, 'IncidentOpened', {}),
      at(1, 'StatementReported', { claimId: 'a' }, '2017-05-18T15:00:00Z'),
      at(2, 'StatementReported', { claimId: 'b' }, '2017-05-18T17:00:00Z'),
      at(3, 'ClaimSupported', { claimId: 'a', supportedByClaimId: 'b' }),
      at(4, 'ClaimSupported', {
        claimId: 'b',
        supportedByClaimId: 'a',
        reportedAt: '2017-05-19T08:00:00Z',
      }),
    ]);
    expect(keys.get(3)).toBe('2017-05-18T17:00:00.000Z');
    expect(keys.get(4)).toBe('2017-05-19T08:00:00.000Z');
  });

  test('time pickers read and write UTC', () => {
    expect(toLocalInput('2017-05-18T19:05:00.000Z')).toBe('2017-05-18T19:05');
    expect(fromLocalInput('2017-05-18T19:05')).toBe('2017-05-18T19:05:00.000Z');
    expect(fromLocalInput('')).toBeUndefined();
  });
});
