import { describe, expect, test } from '@jest/globals';
import type { IncidentEvent } from './events.js';
import { sourceName, citingName } from './source-name.js';
import { Recorder } from './testing/recorder.js';
import { casualties, opened, statement, wire } from './testing/samples.js';
import { toClaimView, toIncidentView } from './view.js';

function view(...events: IncidentEvent[]) {
  const recorder = new Recorder();
  recorder.record(opened, ...events);
  return { view: toIncidentView(recorder.state!), recorder };
}

const centcom = [
  { name: 'Josh Jacques', kind: 'military' as const, role: 'CentCom spokesman' },
  { name: 'Sputnik', kind: 'state-media' as const },
  { name: 'RT', kind: 'state-media' as const },
];

describe('toIncidentView', () => {
  test('has exactly the API.md fields, details and claims', () => {
    const { view: v, recorder } = view(statement('c1'));
    expect(Object.keys(v)).toEqual([
      'incidentId',
      'revision',
      'position',
      'title',
      'summary',
      'location',
      'occurredAt',
      'tags',
      'status',
      'openedAt',
      'updatedAt',
      'claims',
      'casualties',
    ]);
    expect(v).toMatchObject({
      incidentId: 'strike-near-town',
      revision: 1,
      position: recorder.events[1]?.position,
      summary: null,
      status: 'developing',
      openedAt: recorder.events[0]?.recordedAt,
      updatedAt: recorder.events[1]?.recordedAt,
      casualties: [],
    });
    expect(v.claims[0]).toMatchObject({
      claimId: 'c1',
      kind: 'statement',
      state: 'active',
      text: 'Text of c1',
      attribution: wire,
      source: 'unnamed official (via Reuters)',
      reportedAt: '2017-05-18T15:30:00.000Z',
      recordedAt: recorder.events[1]?.recordedAt,
      versions: 1,
      disputedBy: [],
    });
    expect(v.claims[0]).not.toHaveProperty('figures');
  });

  test('casualties: each live claim per measure and group, and the range across them', () => {
    const { view: v } = view(
      {
        type: 'CasualtyFiguresReported',
        data: {
          claimId: 'masdar',
          attribution: [{ name: 'Al-Masdar News', kind: 'outlet' }],
          reportedAt: '2017-05-18T19:05:00.000Z',
          figures: [
            { measure: 'injured', group: 'militia', min: 3, max: 3 },
            { measure: 'killed', group: 'militia', min: 6, max: 6 },
          ],
        },
      },
      casualties('centcom', [1, null], '2017-05-18T20:00:00.000Z', centcom),
      casualties('early', [2, 4], '2017-05-18T18:00:00.000Z'),
    );
    expect(v.casualties).toEqual([
      {
        measure: 'killed',
        group: 'militia',
        min: 1,
        max: null,
        sources: [
          {
            claimId: 'early',
            source: 'Al-Masdar News',
            min: 2,
            max: 4,
            reportedAt: '2017-05-18T18:00:00.000Z',
          },
          {
            claimId: 'masdar',
            source: 'Al-Masdar News',
            min: 6,
            max: 6,
            reportedAt: '2017-05-18T19:05:00.000Z',
          },
          {
            claimId: 'centcom',
            source: 'Josh Jacques (via Sputnik, RT)',
            min: 1,
            max: null,
            reportedAt: '2017-05-18T20:00:00.000Z',
          },
        ],
        undisputed: { min: 1, max: null },
        assessment: null,
      },
      {
        measure: 'injured',
        group: 'militia',
        min: 3,
        max: 3,
        sources: [
          {
            claimId: 'masdar',
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

  test('casualties use revised figures and leave retracted claims out', () => {
    const { view: v } = view(
      casualties('a', [6, 6]),
      casualties('b', [10, 12]),
      casualties('c', [2, 2], '2017-05-18T19:30:00.000Z', [{ name: 'Other', kind: 'ngo' }]),
      {
        type: 'ClaimRevisedBySource',
        data: {
          claimId: 'a',
          figures: [
            { measure: 'killed', group: 'militia', min: 7, max: 8 },
            { measure: 'killed', group: 'civilians', min: 1, max: 1, wording: 'one civilian' },
          ],
          attribution: [{ name: 'Al-Masdar News', kind: 'outlet' }],
          reportedAt: '2017-05-18T20:30:00.000Z',
        },
      },
      {
        type: 'ClaimRetracted',
        data: {
          claimId: 'b',
          attribution: wire,
          reportedAt: '2017-05-18T20:40:00.000Z',
          reason: 'wrong',
        },
      },
    );
    expect(
      v.casualties.map((row) => [row.group, row.min, row.max, row.sources.map((s) => s.claimId)]),
    ).toEqual([
      ['militia', 2, 8, ['c', 'a']],
      ['civilians', 1, 1, ['a']],
    ]);
    expect(v.casualties[1]?.sources[0]?.wording).toBe('one civilian');
    expect(v.claims.find((c) => c.claimId === 'b')?.state).toBe('retracted');
  });
});

describe('toClaimView', () => {
  test('one claim with its source wording, or null', () => {
    const { recorder } = view(statement('c1'));
    expect(toClaimView(recorder.state!, 'c1')).toMatchObject({
      claimId: 'c1',
      source: 'unnamed official (via Reuters)',
    });
    expect(toClaimView(recorder.state!, 'nope')).toBeNull();
  });

  test('a claim’s keys start as in the API: claimId, kind, state, flags, then its content', () => {
    const disputed: IncidentEvent = {
      type: 'ClaimDisputed',
      data: { claimId: 'c1', disputedByClaimId: 'f1' },
    };
    const { recorder } = view(statement('c1'), casualties('f1', [1, 2]), disputed);
    const keys = (claimId: string) => Object.keys(toClaimView(recorder.state!, claimId) ?? {});
    const head = ['claimId', 'kind', 'state', 'flags'];
    expect(keys('c1').slice(0, 8)).toEqual([...head, 'text', 'quoted', 'topic', 'attribution']);
    expect(keys('f1').slice(0, 6)).toEqual([...head, 'figures', 'attribution']);
    expect(keys('c1').at(-1)).toBe('source');
  });
});

describe('source names', () => {
  test('view: speaker, then relays; timeline: relays citing the speaker', () => {
    expect(sourceName([{ name: 'Al-Masdar News', kind: 'outlet' }])).toBe('Al-Masdar News');
    expect(sourceName(centcom)).toBe('Josh Jacques (via Sputnik, RT)');
    expect(citingName(centcom)).toBe('Sputnik, RT, citing Josh Jacques (CentCom spokesman)');
    expect(citingName(wire)).toBe('Reuters, citing unnamed official');
  });
});
