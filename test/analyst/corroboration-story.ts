/** A small story for the analyst tests: claims from distinct speakers, casualty figures, via HTTP. */
import request from 'supertest';
import { auth } from '../support/boot.js';

export const ID = 'analyst-story';
export const at = (hhmm: string) => `2017-05-18T${hhmm}:00.000Z`;

const official = (name: string, via: string) => [
  { name, kind: 'official', named: false },
  { name: via, kind: 'wire' },
];

/** Writes as a reporter (or `role`), expecting 201; returns the write result. */
export async function write(
  url: string,
  path: string,
  body: object,
  role: 'reporter' | 'editor' = 'reporter',
) {
  const response = await request(url).post(path).set(auth(role)).send(body);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`);
  return response.body as { revision: number; eventId: string; position: string };
}

/**
 * r0 opened; r1 `warning` (a US official via Reuters, 16:00); r2 `coalition` (the coalition,
 * 18:45); r3 `same-wire` (a senior US official via reuters, 17:00); r4 `rt-militia` (RT, 18:30);
 * r5 `masdar` 6 killed Civilians (19:05); r6 `centcom` ≥ 1 killed " civilians " (20:00).
 */
export async function recordAnalystStory(url: string): Promise<void> {
  await write(url, '/incidents', { incidentId: ID, title: 'Strike near At Tanf' });
  const say = (claimId: string, reportedAt: string, attribution: object[]) =>
    write(url, `/incidents/${ID}/statements`, {
      claimId,
      text: `Text of ${claimId}`,
      attribution,
      reportedAt,
    });
  await say('warning', at('16:00'), official('unnamed US official', 'Reuters'));
  await say('coalition', at('18:45'), [{ name: 'US-led coalition', kind: 'military' }]);
  await say('same-wire', at('17:00'), official('senior US official', 'reuters'));
  await say('rt-militia', at('18:30'), [{ name: 'RT', kind: 'state-media' }]);
  const figures = (claimId: string, reportedAt: string, group: string, max: number | null) =>
    write(url, `/incidents/${ID}/casualty-reports`, {
      claimId,
      attribution: [{ name: claimId === 'masdar' ? 'Al-Masdar News' : 'CENTCOM', kind: 'outlet' }],
      reportedAt,
      figures: [{ measure: 'killed', group, min: max ?? 1, max }],
    });
  await figures('masdar', at('19:05'), 'Civilians', 6);
  await figures('centcom', at('20:00'), ' civilians ', null);
}
