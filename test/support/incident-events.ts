/** Test builders: incident events as the domain records them, with plausible defaults. */
import type { IncidentEvent } from '../../src/incidents/domain/events.js';

export const opened = (
  incidentId: string,
  title = `Incident ${incidentId}`,
  tags: string[] = [],
): IncidentEvent => ({
  type: 'IncidentOpened',
  data: { incidentId, title, summary: `Summary of ${title}`, location: { name: 'At Tanf' }, tags },
});

export const statement = (
  claimId: string,
  reportedAt: string,
  text = `Text of ${claimId}`,
): IncidentEvent => ({
  type: 'StatementReported',
  data: {
    claimId,
    text,
    quoted: 'paraphrase',
    topic: 'target',
    attribution: [
      { name: 'unnamed US official', kind: 'official', named: false },
      { name: 'Reuters', kind: 'wire' },
    ],
    reportedAt,
  },
});

export const casualties = (
  claimId: string,
  killed: [number, number | null],
  reportedAt: string,
  source = 'Al-Masdar News',
): IncidentEvent => ({
  type: 'CasualtyFiguresReported',
  data: {
    claimId,
    attribution: [{ name: source, kind: 'outlet' }],
    reportedAt,
    figures: [
      { measure: 'killed', group: 'pro-government militia', min: killed[0], max: killed[1] },
    ],
  },
});

export const revised = (
  claimId: string,
  killed: [number, number | null],
  reportedAt: string,
): IncidentEvent => ({
  type: 'ClaimRevisedBySource',
  data: {
    claimId,
    attribution: [{ name: 'Al-Masdar News', kind: 'outlet' }],
    reportedAt,
    figures: [
      { measure: 'killed', group: 'pro-government militia', min: killed[0], max: killed[1] },
    ],
    note: 'updated toll',
  },
});

export const disputed = (claimId: string, disputedByClaimId: string): IncidentEvent => ({
  type: 'ClaimDisputed',
  data: { claimId, disputedByClaimId, note: 'contradicts' },
});

export const statusChanged = (
  status: 'developing' | 'disputed' | 'confirmed' | 'acknowledged' | 'closed',
  previousStatus: 'developing' | 'disputed' | 'confirmed' | 'acknowledged' | 'closed',
): IncidentEvent => ({
  type: 'IncidentStatusChanged',
  data: { status, previousStatus, reason: 'checked' },
});
