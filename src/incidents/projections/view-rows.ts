/**
 * The current view from its rows, as JSON text: the incident fields, each claim's stored JSON
 * and the casualty ranges grouped from the live figures. Nothing is parsed but the figures'
 * numbers, so the cost follows the bytes returned.
 */
import { MEASURES } from '../domain/events.js';
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
 * appearance), the range across live figures and each source by reportedAt, then claim order.
 */
export function casualtiesText(prepare: Prepare, t: GenerationTables, incidentId: string): string {
  const rows = prepare<SourceRow>(
    `SELECT measure, grp, claim_seq, figure, min, max, reported_ms, source_json
     FROM ${t.casualtySources} WHERE incident_id = ? ORDER BY claim_seq, figure`,
  ).all(incidentId);
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = `${row.measure}\u0000${row.grp}`;
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
  const parts = ordered.map((group) => {
    // stable: equal times keep claim order
    const sources = group.sources.sort((a, b) => a.reported_ms - b.reported_ms);
    let min = Infinity;
    let max: number | null = -Infinity;
    for (const source of sources) {
      min = Math.min(min, source.min);
      max = max === null || source.max === null ? null : Math.max(max, source.max);
    }
    const head = JSON.stringify({ measure: group.measure, group: group.group, min, max });
    return `${head.slice(0, -1)},"sources":[${sources.map((s) => s.source_json).join(',')}]}`;
  });
  return `[${parts.join(',')}]`;
}
