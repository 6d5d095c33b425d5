/**
 * Test support: a random but valid incident story from a seed, with back-dated reports,
 * revisions said before the claim itself, corrections (some with `quoted`), dated and undated
 * disputes and supports, desk assessments, retractions, status and detail changes (some back-dated with a world time, some
 * without). Same seed, same story. Used to compare the fast folds with a plain one.
 */
import type { AttributionLink, Figure, IncidentEvent, IncidentStatus, Measure } from '../events.js';
import { MEASURES, QUOTED, STATUSES } from '../events.js';

/** mulberry32: a small seeded PRNG, returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES: AttributionLink[][] = [
  [{ name: 'Reuters', kind: 'wire' }],
  [{ name: 'Al-Masdar News', kind: 'outlet' }],
  [
    { name: 'unnamed official', kind: 'official', named: false },
    { name: 'AP', kind: 'wire' },
  ],
  [{ name: 'Coalition', kind: 'military' }],
];
const GROUPS = ['civilians', 'fighters', 'unknown', ' Civilians'];

export interface StoryOptions {
  seed: number;
  events: number;
  incidentId?: string;
  /** World time of the story's start; reports fall within a few days of it. */
  start?: string;
}

/** The story's events (without store metadata), IncidentOpened first. */
export function randomStory(options: StoryOptions): IncidentEvent[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const start = Date.parse(options.start ?? '2017-05-18T00:00:00.000Z');
  // world time drifts forward with the story; one report in five is back-dated up to a day
  let now = start;
  const worldTime = () => {
    now += Math.floor(random() * 600_000);
    const back = random() < 0.2 ? Math.floor(random() * 86_400_000) : 0;
    return new Date(Math.max(start, now - back)).toISOString();
  };
  // an editorial event: half of them back-dated with a world time of their own
  const maybeDated = () => (random() < 0.5 ? { reportedAt: worldTime() } : {});
  const figures = (): Figure[] => {
    const count = 1 + Math.floor(random() * 3);
    const result: Figure[] = [];
    for (let i = 0; i < count; i++) {
      const min = Math.floor(random() * 40);
      const measure: Measure = pick(MEASURES);
      result.push({ measure, group: pick(GROUPS), min, max: random() < 0.3 ? null : min + 3 });
    }
    return result;
  };
  const incidentId = options.incidentId ?? `random-${options.seed}`;
  const events: IncidentEvent[] = [
    { type: 'IncidentOpened', data: { incidentId, title: `Random story ${options.seed}` } },
  ];
  const claims: { id: string; kind: 'statement' | 'casualties' }[] = [];
  let status: IncidentStatus = 'developing';
  while (events.length < options.events) {
    const roll = random();
    const claim = claims.length > 0 ? pick(claims) : undefined;
    if (!claim || roll < 0.35) {
      const id = `c${claims.length}`;
      const kind = random() < 0.5 ? 'statement' : 'casualties';
      claims.push({ id, kind });
      const base = { claimId: id, attribution: pick(SOURCES), reportedAt: worldTime() };
      events.push(
        kind === 'statement'
          ? {
              type: 'StatementReported',
              data: { ...base, text: `Said ${id}`, quoted: 'paraphrase', topic: 'target' },
            }
          : { type: 'CasualtyFiguresReported', data: { ...base, figures: figures() } },
      );
    } else if (roll < 0.55) {
      const change =
        claim.kind === 'statement'
          ? { text: `Revised ${roll}`, ...(random() < 0.3 && { quoted: pick(QUOTED) }) }
          : { figures: figures() };
      events.push({
        type: 'ClaimRevisedBySource',
        data: {
          claimId: claim.id,
          ...change,
          attribution: pick(SOURCES),
          reportedAt: worldTime(),
          ...(random() < 0.5 && { note: 'updated' }),
        },
      });
    } else if (roll < 0.68) {
      const change =
        claim.kind === 'statement'
          ? { text: `Fixed ${roll}`, ...(random() < 0.3 && { quoted: pick(QUOTED) }) }
          : { figures: figures() };
      events.push({
        type: 'ClaimCorrected',
        data: { claimId: claim.id, ...change, reason: 'our error' },
      });
    } else if (roll < 0.74) {
      const by = pick(claims);
      if (by.id === claim.id) continue;
      events.push({
        type: 'ClaimDisputed',
        data: {
          claimId: claim.id,
          disputedByClaimId: by.id,
          ...(random() < 0.3 && { note: 'contested' }),
          ...maybeDated(),
        },
      });
    } else if (roll < 0.8) {
      const by = pick(claims);
      if (by.id === claim.id) continue;
      events.push({
        type: 'ClaimSupported',
        data: {
          claimId: claim.id,
          supportedByClaimId: by.id,
          ...(random() < 0.3 && { note: 'same account' }),
          ...maybeDated(),
        },
      });
    } else if (roll < 0.88) {
      events.push({
        type: 'ClaimRetracted',
        data: {
          claimId: claim.id,
          attribution: pick(SOURCES),
          reportedAt: worldTime(),
          reason: 'withdrawn',
        },
      });
    } else if (roll < 0.94) {
      const next = pick(STATUSES.filter((candidate) => candidate !== status));
      events.push({
        type: 'IncidentStatusChanged',
        data: { status: next, previousStatus: status, ...maybeDated() },
      });
      status = next;
    } else if (roll < 0.97) {
      const low = Math.floor(random() * 20);
      events.push({
        type: 'CasualtyEstimateAssessed',
        data: {
          measure: pick(MEASURES),
          group: pick(GROUPS),
          low,
          best: low + 2,
          high: random() < 0.3 ? null : low + 5,
          basis: [claim.id],
          reason: 'desk estimate',
          ...maybeDated(),
        },
      });
    } else {
      events.push({
        type: 'IncidentDetailsRevised',
        data: {
          title: `Random story ${options.seed}, update ${events.length}`,
          tags: [pick(GROUPS)],
          ...maybeDated(),
        },
      });
    }
  }
  return events;
}
