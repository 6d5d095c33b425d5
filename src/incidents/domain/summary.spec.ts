import { describe, expect, test } from '@jest/globals';
import type { IncidentEvent } from './events.js';
import { Recorder } from './testing/recorder.js';
import { opened, statement } from './testing/samples.js';
import { formatFigures, summarize, SUMMARY_TEXT_LIMIT } from './summary.js';

const reportedAt = '2017-05-18T19:05:00.000Z';
const masdar = [{ name: 'Al-Masdar News', kind: 'outlet' as const }];
const sputnik = [
  { name: 'unnamed US defense official', kind: 'official' as const, named: false },
  { name: 'Sputnik', kind: 'state-media' as const },
];

describe('summarize', () => {
  test('casualty figures: source, counts, group', () => {
    const event: IncidentEvent = {
      type: 'CasualtyFiguresReported',
      data: {
        claimId: 'c11',
        attribution: masdar,
        reportedAt,
        figures: [
          { measure: 'killed', group: 'pro-government militia', min: 6, max: 6 },
          { measure: 'injured', group: 'pro-government militia', min: 3, max: 3 },
        ],
      },
    };
    expect(summarize(event)).toBe('Al-Masdar News: 6 killed, 3 injured (pro-government militia)');
  });

  test('figures: ranges, open ranges and wording, several groups', () => {
    expect(
      formatFigures([
        { measure: 'killed', group: 'militia', min: 1, max: null, wording: 'casualties believed' },
        { measure: 'injured', group: 'militia', min: 2, max: 5 },
        { measure: 'missing', group: 'civilians', min: 3, max: null, wording: 'at least' },
      ]),
    ).toBe(
      'at least 1 killed, "casualties believed", 2–5 injured (militia); at least 3 missing (civilians)',
    );
  });

  test('statements: relays citing the speaker, long text cut, verbatim in quotes', () => {
    const text = 'The US-led coalition struck the Syrian army near At Tanf. '.repeat(4);
    const line = summarize({
      type: 'StatementReported',
      data: { claimId: 'c1', text, quoted: 'paraphrase', attribution: sputnik, reportedAt },
    });
    expect(
      line.startsWith('Sputnik, citing unnamed US defense official: The US-led coalition struck'),
    ).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    const quoted = line.slice('Sputnik, citing unnamed US defense official: '.length);
    expect(quoted.length).toBeLessThanOrEqual(SUMMARY_TEXT_LIMIT);
    expect(
      summarize({
        type: 'StatementReported',
        data: {
          claimId: 'c2',
          text: 'force protection',
          quoted: 'verbatim',
          attribution: masdar,
          reportedAt,
        },
      }),
    ).toBe('Al-Masdar News: "force protection"');
  });

  test('incident events', () => {
    expect(summarize(opened)).toBe('Incident opened: Strike near a town');
    expect(
      summarize({
        type: 'IncidentDetailsRevised',
        data: { title: 'T', tags: [], reason: 'clearer' },
      }),
    ).toBe('Details revised: title, tags — clearer');
    expect(
      summarize({
        type: 'IncidentStatusChanged',
        data: { status: 'confirmed', previousStatus: 'developing', reason: 'coalition statement' },
      }),
    ).toBe('Status: developing → confirmed — coalition statement');
  });

  test('claim changes', () => {
    expect(
      summarize({
        type: 'ClaimRevisedBySource',
        data: {
          claimId: 'c11',
          figures: [{ measure: 'killed', group: 'militia', min: 7, max: 7 }],
          attribution: masdar,
          reportedAt,
          note: 'one died of wounds',
        },
      }),
    ).toBe('Al-Masdar News revised c11: 7 killed (militia) — one died of wounds');
    expect(
      summarize({
        type: 'ClaimCorrected',
        data: { claimId: 'c1', text: 'x', reason: 'transcription error' },
      }),
    ).toBe('Correction of c1 (text) — transcription error');
    expect(
      summarize({
        type: 'ClaimRetracted',
        data: { claimId: 'c1', attribution: sputnik, reportedAt, reason: 'withdrawn' },
      }),
    ).toBe('Sputnik, citing unnamed US defense official retracted c1 — withdrawn');
  });

  test('disputes name the disputing source when the state is given', () => {
    const recorder = new Recorder();
    recorder.record(opened, statement('c1'), {
      type: 'StatementReported',
      data: {
        claimId: 'c8',
        text: 'militia',
        quoted: 'paraphrase',
        attribution: [{ name: 'RT', kind: 'state-media' }],
        reportedAt,
      },
    });
    const event: IncidentEvent = {
      type: 'ClaimDisputed',
      data: { claimId: 'c1', disputedByClaimId: 'c8' },
    };
    expect(summarize(event, recorder.state)).toBe("RT's claim c8 disputes claim c1");
    expect(summarize(event)).toBe('Claim c8 disputes claim c1');
  });
});
