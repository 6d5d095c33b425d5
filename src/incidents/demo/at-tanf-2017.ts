/**
 * The demo story (../shared/scenarios/at-tanf-2017.md): the coalition strike near At Tanf,
 * 18 May 2017, as the commands a newsroom would have sent, in the order things were reported.
 * Texts are our paraphrases; direct quotes are short and attributed. Report times are
 * approximate (exact times are not known); they keep the reported order. The one real anchor:
 * a roundup with these updates was published on 18 May 2017 at 19:27 UTC.
 */
import type { Command } from '../domain/commands.js';
import type { AttributionLink } from '../domain/events.js';

export const AT_TANF_INCIDENT_ID = 'at-tanf-2017-05-18';

export type DemoStep = {
  /** The row of the scenario table (0 for opening the incident). */
  n: number;
  /** Approximate UTC time of the report on the day ("15:30"). */
  about: string;
  command: Command;
  note?: string;
};

const incidentId = AT_TANF_INCIDENT_ID;
/** All times on 18 May 2017 are approximate, chosen to keep the reported order. */
const at = (hhmm: string) => `2017-05-18T${hhmm}:00.000Z`;

const sputnik: AttributionLink = { name: 'Sputnik', kind: 'state-media' };
const reuters: AttributionLink = { name: 'Reuters', kind: 'wire' };
const rt: AttributionLink = { name: 'RT', kind: 'state-media' };
const coalition: AttributionLink = { name: 'US-led coalition', kind: 'military' };
const alMasdar: AttributionLink = { name: 'Al-Masdar News', kind: 'outlet' };
const jacques: AttributionLink = {
  name: 'Josh Jacques',
  kind: 'military',
  named: true,
  role: 'US Central Command spokesman',
};
const militia = 'pro-government militia';

function statement(
  n: number,
  about: string,
  claimId: string,
  topic: Extract<Command, { type: 'ReportStatement' }>['topic'],
  attribution: AttributionLink[],
  text: string,
): DemoStep {
  return {
    n,
    about,
    command: {
      type: 'ReportStatement',
      incidentId,
      claimId,
      text,
      quoted: 'paraphrase',
      topic,
      attribution,
      reportedAt: at(about),
    },
  };
}

/** The story, step by step; several steps may share a row (a report and what it implies). */
export const AT_TANF_2017: readonly DemoStep[] = [
  {
    n: 0,
    about: '15:30',
    note: 'opened when the first report came in',
    command: {
      type: 'OpenIncident',
      incidentId,
      title: 'Coalition strike on pro-government convoy near At Tanf',
      summary:
        'US-led coalition aircraft struck a convoy of pro-government forces advancing towards the ' +
        'coalition base at the At Tanf border crossing, inside the de-confliction zone around it.',
      location: { name: 'Near At Tanf, Homs Governorate, Syria', lat: 33.5, lon: 38.62 },
      occurredAt: { at: '2017-05-18T00:00:00.000Z', precision: 'day' },
      tags: ['syria', 'at-tanf', 'coalition', 'airstrike'],
    },
  },
  statement(
    1,
    '15:30',
    'c01-target-syrian-army',
    'target',
    [{ name: 'unnamed US defense official', kind: 'official', named: false }, sputnik],
    'The US-led coalition struck Syrian army forces near At Tanf, in an area covered by the ' +
      'safe zones backed by Russia, Iran and Turkey.',
  ),
  statement(
    2,
    '15:45',
    'c02-force-protection',
    'intent',
    [{ name: 'US officials', kind: 'official', named: false }],
    'The strikes were "force protection" for US special forces operating in the area.',
  ),
  statement(
    3,
    '16:00',
    'c03-warning-shots',
    'context',
    [{ name: 'unnamed US official', kind: 'official', named: false }, reuters],
    'US aircraft fired warning shots to deter the fighters before the strikes.',
  ),
  {
    ...statement(
      4,
      '16:10',
      'c04-casualties-unknown',
      'casualties',
      [{ name: 'Live news roundup', kind: 'outlet' }],
      'There is no word yet on casualties; Damascus has not commented and the Pentagon has not ' +
        'issued a statement.',
    ),
    note: 'the incident stays developing',
  },
  statement(
    5,
    '16:30',
    'c05-militia-nearby',
    'target',
    [
      { name: 'Syrian rebels based with US forces', kind: 'armed-group', named: false },
      { name: 'BuzzFeed News', kind: 'outlet', role: 'reporter' },
    ],
    'Militia fighters backing the Syrian army had been close by as well.',
  ),
  statement(
    6,
    '16:45',
    'c06-rebels-notified-coalition',
    'responsibility',
    [{ name: 'Maghawir al-Thawra', kind: 'armed-group' }, reuters],
    'The rebel group said "we notified the coalition that we were being attacked by the Syrian ' +
      'army and Iranians", after which the coalition destroyed the advancing convoy.',
  ),
  statement(
    7,
    '17:00',
    'c07-convoy-ignored-warnings',
    'intent',
    [
      { name: 'unnamed official', kind: 'official', named: false },
      { name: 'AFP', kind: 'wire' },
    ],
    'A convoy moving down the road ignored repeated warnings to keep away from coalition forces ' +
      'at At Tanf.',
  ),
  statement(
    8,
    '18:30',
    'c08-target-militia',
    'target',
    [rt],
    'The force that was hit was a militia allied with the Syrian Arab Army, not the army itself.',
  ),
  {
    n: 8,
    about: '18:30',
    note: "RT's account contradicts the first report of the target",
    command: {
      type: 'DisputeClaim',
      incidentId,
      claimId: 'c01-target-syrian-army',
      disputedByClaimId: 'c08-target-militia',
      note: 'RT: a militia allied with the Syrian army was hit, not the army',
      reportedAt: at('18:30'),
    },
  },
  statement(
    9,
    '18:45',
    'c09-coalition-statement',
    'context',
    [coalition],
    'The strike came after Russian attempts to dissuade pro-regime forces from moving south ' +
      'towards At Tanf had failed, and after a show of force and warning shots by coalition aircraft.',
  ),
  {
    n: 9,
    about: '18:45',
    command: {
      type: 'ChangeStatus',
      incidentId,
      status: 'confirmed',
      reason: 'The coalition confirmed the strike in an official statement',
      reportedAt: at('18:45'),
    },
  },
  statement(
    10,
    '19:00',
    'c10-tank-bulldozer-hit',
    'damage',
    [alMasdar],
    'A tank and a bulldozer were hit.',
  ),
  {
    n: 11,
    about: '19:05',
    command: {
      type: 'ReportCasualtyFigures',
      incidentId,
      claimId: 'c11-al-masdar-casualties',
      attribution: [alMasdar],
      reportedAt: at('19:05'),
      figures: [
        { measure: 'killed', group: militia, min: 6, max: 6 },
        { measure: 'injured', group: militia, min: 3, max: 3 },
      ],
    },
  },
  statement(
    12,
    '19:10',
    'c12-no-policy-change',
    'context',
    [coalition],
    'The strike is neither a change of policy nor an escalation, and the de-confliction ' +
      'arrangement stays in place.',
  ),
  statement(
    13,
    '19:30',
    'c13-ozerov-geneva-talks',
    'context',
    [
      {
        name: 'Viktor Ozerov',
        kind: 'official',
        named: true,
        role: "head of the Russian Federation Council's defence committee",
      },
      sputnik,
    ],
    'Hopes the incident will not derail the Geneva talks, and wants clearer coordination between ' +
      'the coalition and Syrian government forces.',
  ),
  {
    n: 14,
    about: '20:00',
    command: {
      type: 'ReportCasualtyFigures',
      incidentId,
      claimId: 'c14-casualties-believed',
      attribution: [jacques, sputnik, rt],
      reportedAt: at('20:00'),
      figures: [
        { measure: 'killed', group: militia, min: 1, max: null, wording: 'casualties believed' },
      ],
    },
  },
  statement(
    14,
    '20:00',
    'c14-no-body-count',
    'casualties',
    [jacques, sputnik, rt],
    'Said "I believe there are casualties", but a full battle damage assessment is not done and ' +
      'no exact count will be given, as there is no access on the ground.',
  ),
];

/** The story's commands in order, for a loader that sends them through the command path. */
export function atTanf2017Commands(): Command[] {
  return AT_TANF_2017.map((step) => step.command);
}
