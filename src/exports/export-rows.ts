/** What the CSV exports hold: one row per claim, and one per figure of every casualty version. */
import type { AttributionLink } from '../incidents/domain/events.js';
import type { ClaimView, EventRef } from '../incidents/domain/view-types.js';
import { ReadModelQueries } from '../incidents/projections/read-model-queries.js';
import { versionRefJson } from '../incidents/projections/read-model-schema.js';
import { claimText } from '../search/claim-filter.js';
import type { Cell } from './csv.js';

export const CLAIMS_HEADER = [
  'claimId',
  'kind',
  'state',
  'flags',
  'topic',
  'content',
  'attribution',
  'grade',
  'reportedAt',
  'firstReportedAt',
  'versions',
  'url',
];

export const CASUALTIES_HEADER = [
  'claimId',
  'revision',
  'event',
  'measure',
  'group',
  'min',
  'max',
  'wording',
  'source',
  'reportedAt',
  'recordedAt',
  'laterRetracted',
];

/** The versions that state figures: a casualty report, a source's revision, our correction. */
const FIGURE_EVENTS = new Set([
  'CasualtyFiguresReported',
  'ClaimRevisedBySource',
  'ClaimCorrected',
]);

/** "a US official (official, unnamed) > Reuters (wire)": every link, speaker first. */
export function chainText(attribution: readonly AttributionLink[]): string {
  return attribution
    .map((link) => {
      const notes = [
        link.kind,
        ...(link.named === false ? ['unnamed'] : []),
        ...(link.role ? [link.role] : []),
      ];
      return `${link.name} (${notes.join(', ')})`;
    })
    .join(' > ');
}

export function claimRow(claim: ClaimView): Cell[] {
  // the grade comes with corroboration (API.md); a read model without it leaves the cell empty
  const grade = (claim as { corroboration?: { grade?: string } }).corroboration?.grade;
  return [
    claim.claimId,
    claim.kind,
    claim.state,
    claim.flags.join(' '),
    claim.topic,
    claimText(claim),
    chainText(claim.attribution),
    grade,
    claim.reportedAt,
    claim.firstReportedAt,
    claim.versions,
    claim.url,
  ];
}

export function claimRows(queries: ReadModelQueries, incidentId: string): Cell[][] {
  const sql = `SELECT claim_json FROM ${queries.tables.claims} WHERE incident_id = ? ORDER BY seq`;
  return queries
    .prepare<{ claim_json: string }>(sql)
    .all(incidentId)
    .map((row) => claimRow(JSON.parse(row.claim_json) as ClaimView));
}

export function casualtyRows(queries: ReadModelQueries, incidentId: string): Cell[][] {
  const t = queries.tables;
  const sql = `SELECT ${versionRefJson('e')} AS ref_json, v.claim_json,
      json_extract(c.claim_json, '$.state') AS now
    FROM ${t.claimVersions} v JOIN ${t.claims} c ON c.incident_id = v.incident_id AND c.seq = v.claim_seq
    JOIN ${t.timeline} e ON e.incident_id = v.incident_id AND e.revision = v.revision
    WHERE v.incident_id = ? AND v.kind = 'casualties' AND v.in_history = 1
    ORDER BY v.claim_seq, v.revision`;
  const rows: Cell[][] = [];
  const versions = queries
    .prepare<{ ref_json: string; claim_json: string; now: string }>(sql)
    .all(incidentId);
  for (const version of versions) {
    const ref = JSON.parse(version.ref_json) as EventRef;
    if (!FIGURE_EVENTS.has(ref.type)) continue;
    const claim = JSON.parse(version.claim_json) as ClaimView;
    for (const figure of claim.figures ?? []) {
      rows.push([
        claim.claimId,
        ref.revision,
        ref.type,
        figure.measure,
        figure.group,
        figure.min,
        figure.max,
        figure.wording,
        claim.source,
        ref.reportedAt ?? claim.reportedAt,
        ref.recordedAt,
        version.now === 'retracted',
      ]);
    }
  }
  return rows;
}
