/**
 * The current view from its rows, as JSON text: the incident fields, each claim's stored JSON
 * and the casualty ranges grouped from the live figures. Nothing is parsed but the figures'
 * numbers, so the cost follows the bytes returned.
 */
import { groupKey, rangeAcross } from '../domain/casualties.js';
import { MEASURES } from '../domain/events.js';
import type { IncidentDetails } from '../domain/evolve.js';
import type { CasualtyAssessment } from '../domain/view-types.js';
import type { GenerationTables } from './read-model-schema.js';

type Prepare = <Row>(sql: string) => { all(...params: unknown[]): Row[] };

interface SourceRow {
  measure: (typeof MEASURES)[number];
  grp: string;
  claim_seq: number;
  figure: number;
  min: number;
  max: number | null;
  reported_ms: number;
  source_json: string;
  disputed: number;
}

interface Group {
  measure: SourceRow['measure'];
  group: string;
  first: number;
  sources: SourceRow[];
}

/** `{...details, "claims": [...], "casualties": [...]}` from the stored pieces. */
export function assembleView(detailsJson: string, claims: string[], casualties: string): string {
  return `${detailsJson.slice(0, -1)},"claims":[${claims.join(',')}],"casualties":${casualties}}`;
}

/**
 * The same as byte pieces, sent one after another, from the claims' JSON already joined in
 * pieces, with `more` (further keys, e.g. `,"basis":{…}`) at the end. A big view is never one
 * JS string (decoding one takes longer than reading its rows) nor copied into one buffer (tens
 * of MB of fresh memory: page faults and garbage collections cost more than the copy).
 */
export function viewPieces(
  detailsJson: string,
  claims: readonly Buffer[],
  casualties: string,
  more = '',
): Buffer[] {
  return [
    Buffer.from(`${detailsJson.slice(0, -1)},"claims":[`),
    ...claims,
    Buffer.from(`],"casualties":${casualties}${more}}`),
  ];
}

/**
 * The same view text in pieces: `open`, the claims joined by commas, then `close`, so a big view
 * can be sent a batch of claims at a time instead of as one string.
 */
export interface ViewParts {
  open: string;
  claims: string[];
  close: string;
}

export function viewParts(detailsJson: string, claims: string[], casualties: string): ViewParts {
  return {
    open: `${detailsJson.slice(0, -1)},"claims":[`,
    claims,
    close: `],"casualties":${casualties}}`,
  };
}

/** The incident's claim JSON texts, in first-reported order. */
export function claimTexts(prepare: Prepare, t: GenerationTables, incidentId: string): string[] {
  return prepare<{ claim_json: string }>(
    `SELECT claim_json FROM ${t.claims} WHERE incident_id = ? ORDER BY seq`,
  )
    .all(incidentId)
    .map((row) => row.claim_json);
}

/**
 * The view's `casualties` as JSON: per measure and group (by measure, then the group's first
 * appearance, whose spelling it shows; groups match case-insensitively), the range across live
 * figures, each source by reportedAt, then claim order, the range across the undisputed ones and
 * the latest assessment (kept with the latest detail version).
 */
export function casualtiesText(prepare: Prepare, t: GenerationTables, incidentId: string): string {
  const rows = prepare<SourceRow>(
    `SELECT measure, grp, claim_seq, figure, min, max, reported_ms, source_json, disputed
     FROM ${t.casualtySources} WHERE incident_id = ? ORDER BY claim_seq, figure`,
  ).all(incidentId);
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = groupKey({ measure: row.measure, group: row.grp });
    let group = groups.get(key);
    if (!group) {
      group = { measure: row.measure, group: row.grp, first: groups.size, sources: [] };
      groups.set(key, group);
    }
    group.sources.push(row);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure) || a.first - b.first,
  );
  const assessments = assessmentsOf(prepare, t, incidentId, groups.size > 0);
  const parts = ordered.map((group) => {
    // stable: equal times keep claim order
    const sources = group.sources.sort((a, b) => a.reported_ms - b.reported_ms);
    const range = rangeAcross(sources) ?? { min: 0, max: null };
    const head = JSON.stringify({ measure: group.measure, group: group.group, ...range });
    const tail = JSON.stringify({
      undisputed: rangeAcross(sources.filter((source) => source.disputed === 0)),
      assessment: assessments.get(groupKey(group)) ?? null,
    });
    const list = sources.map((s) => s.source_json).join(',');
    return `${head.slice(0, -1)},"sources":[${list}],${tail.slice(1)}`;
  });
  return `[${parts.join(',')}]`;
}

/** The incident's latest assessments by group key (none asked for without casualty rows). */
function assessmentsOf(
  prepare: Prepare,
  t: GenerationTables,
  incidentId: string,
  wanted: boolean,
): Map<string, CasualtyAssessment> {
  if (!wanted) return new Map();
  const [row] = prepare<{ details_json: string }>(
    `SELECT details_json FROM ${t.detailVersions} WHERE incident_id = ?
     ORDER BY revision DESC LIMIT 1`,
  ).all(incidentId);
  const details = row ? (JSON.parse(row.details_json) as Partial<IncidentDetails>) : {};
  return new Map((details.assessments ?? []).map((a) => [groupKey(a), a]));
}
