/**
 * A story recorded after the fact through the HTTP API (modelled on the al-Ahli hospital
 * explosion of 17 October 2023, as the issue tried it): every editorial event back-dated to its
 * world time, one correction of our own typo, a dispute with and one without a world time.
 */
import request from 'supertest';
import { auth } from '../support/boot.js';

export const ID = 'back-dated';
export const at = (hhmm: string, day = 17) => `2023-10-${day}T${hhmm}:00.000Z`;
const ministry = [{ name: 'Gaza health ministry', kind: 'government' }];
const idf = [{ name: 'Israel Defense Forces', kind: 'military' }];
const wire = [
  { name: 'unnamed official', kind: 'official', named: false },
  { name: 'AP', kind: 'wire' },
];

export async function recordBackDatedStory(url: string): Promise<void> {
  const post = (path: string, role: 'reporter' | 'editor', body: object) =>
    request(url).post(path).set(auth(role)).send(body).expect(201);
  const claim = (claimId: string) => `/incidents/${ID}/claims/${claimId}`;
  await post('/incidents', 'reporter', { incidentId: ID, title: 'Explosion at a hospital' });
  const statement = (claimId: string, reportedAt: string, attribution: object[], text: string) =>
    post(`/incidents/${ID}/statements`, 'reporter', { claimId, text, attribution, reportedAt });
  await statement('c-strike', at('16:00'), ministry, 'An Israeli strike hit the hospital.');
  await post(`/incidents/${ID}/casualty-reports`, 'reporter', {
    claimId: 'f-ministry',
    attribution: ministry,
    reportedAt: at('17:00'),
    figures: [{ measure: 'injured', group: 'civilians', min: 324, max: 324 }],
  });
  await statement('c-rocket', at('17:30'), idf, 'A misfired rocket hit the hospital.');
  await statement('c-wire', at('18:00'), wire, 'The blast came from inside the compound.');
  // our own transcription fix, recorded later: applies whenever its claim is in the view
  await post(`${claim('f-ministry')}/corrections`, 'editor', {
    reason: 'we transposed the digits',
    figures: [{ measure: 'injured', group: 'civilians', min: 342, max: 342 }],
  });
  await post(`${claim('c-strike')}/disputes`, 'reporter', {
    disputedByClaimId: 'c-rocket',
    reportedAt: at('17:45'),
  });
  await post(`${claim('c-strike')}/disputes`, 'reporter', { disputedByClaimId: 'c-wire' });
  await post(`/incidents/${ID}/status`, 'reporter', {
    status: 'disputed',
    reason: 'two accounts of the cause',
    reportedAt: at('18:30'),
  });
  await request(url)
    .patch(`/incidents/${ID}`)
    .set(auth('editor'))
    .send({ title: 'Explosion at al-Ahli hospital, Gaza', reportedAt: at('19:00') })
    .expect(201);
  await post(`${claim('c-strike')}/revisions`, 'reporter', {
    text: 'A strike hit the hospital, the ministry said.',
    quoted: 'paraphrase',
    attribution: ministry,
    reportedAt: at('09:00', 18),
  });
  await post(`${claim('c-wire')}/retractions`, 'reporter', {
    attribution: wire,
    reportedAt: at('10:00', 18),
    reason: 'withdrawn by the agency',
  });
}
