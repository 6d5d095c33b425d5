/** A small al-Ahli-like story written through the HTTP API, for the analyst routes' tests. */
import { expect } from '@jest/globals';
import request from 'supertest';
import { auth } from '../support/boot.js';

export const HAGARI = { name: 'Daniel Hagari', kind: 'military', role: 'IDF spokesman' };
export const MINISTRY = { name: 'Gaza Health Ministry', kind: 'government' };
export const REUTERS = { name: 'Reuters', kind: 'wire' };
export const JAZEERA = { name: 'Al Jazeera', kind: 'outlet' };
export const UNNAMED = { name: 'a US official', kind: 'official', named: false };

export const ARABIC_TEXT = 'قال الجيش إن الانفجار ناجم عن صاروخ';

export function writer(url: string) {
  const post = async (path: string, body: object, role: 'reporter' | 'editor' = 'reporter') => {
    const res = await request(url).post(path).set(auth(role)).send(body);
    expect(res.status).toBe(201);
    return res.body as { claimId?: string; position: string };
  };
  return { post };
}

/** Two incidents: "al-ahli" (statements, casualties, a revision, a dispute) and "cafe-blast". */
export async function writeStory(url: string): Promise<void> {
  const { post } = writer(url);
  await post('/incidents', {
    incidentId: 'al-ahli',
    title: 'Al-Ahli hospital explosion',
    summary: 'A blast in the car park of the Al-Ahli Arab hospital',
    location: { name: 'Gaza City' },
    tags: ['gaza', 'hospital'],
  });
  const base = '/incidents/al-ahli';
  await post(`${base}/statements`, {
    claimId: 'hagari-misfire',
    text: 'The rocket was misfired by Islamic Jihad',
    topic: 'responsibility',
    attribution: [HAGARI],
    reportedAt: '2023-10-18T08:00:00Z',
  });
  await post(`${base}/statements`, {
    claimId: 'jazeera-arabic',
    text: ARABIC_TEXT,
    topic: 'target',
    attribution: [JAZEERA],
    reportedAt: '2023-10-17T20:00:00Z',
  });
  await post(`${base}/casualty-reports`, {
    claimId: 'ministry-471',
    attribution: [MINISTRY, REUTERS],
    reportedAt: '2023-10-17T19:00:00Z',
    figures: [
      { measure: 'killed', group: 'civilians', min: 471, max: 471, wording: '471 martyrs' },
    ],
  });
  await post(`${base}/statements`, {
    claimId: 'us-intel',
    text: 'Intelligence suggests between 100 and 300 killed',
    topic: 'casualties',
    attribution: [UNNAMED, REUTERS],
    reportedAt: '2023-10-18T18:00:00Z',
  });
  await post(`${base}/claims/ministry-471/disputes`, { disputedByClaimId: 'us-intel' });
  await post(`${base}/claims/hagari-misfire/revisions`, {
    text: 'The rocket was misfired by Islamic Jihad, radar shows',
    attribution: [HAGARI, REUTERS],
    reportedAt: '2023-10-18T12:00:00Z',
  });
  await post('/incidents', {
    incidentId: 'cafe-blast',
    title: 'Café bombing in the old town',
    tags: ['explosion'],
  });
  await post('/incidents/cafe-blast/statements', {
    claimId: 'cafe-police',
    text: 'Police say the explosion was a gas leak',
    attribution: [{ name: 'City police', kind: 'official' }, REUTERS],
    reportedAt: '2023-11-01T10:00:00Z',
  });
}
