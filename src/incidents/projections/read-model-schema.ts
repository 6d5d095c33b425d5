/**
 * The read model's tables. Projection tables carry a generation suffix (`_g<n>`): a rebuild
 * fills the next generation while reads use the current one, then one transaction swaps them.
 * Every name starts with `rm_` so the read model can share a file with the event store.
 */

import { searchTablesSql } from '../../search/search-tables.js';
import { sourceTablesSql } from '../../sources/source-tables.js';

/** Bump when a projection's rows change shape: a read model of another schema is rebuilt. */
export const READ_MODEL_SCHEMA = 9;

export interface GenerationTables {
  incidents: string;
  claims: string;
  casualtySources: string;
  detailVersions: string;
  timeline: string;
  claimVersions: string;
  search: string;
  searchDocs: string;
  claimSources: string;
}

export function generationTables(generation: number): GenerationTables {
  return {
    incidents: `rm_incidents_g${generation}`,
    claims: `rm_claims_g${generation}`,
    casualtySources: `rm_casualty_sources_g${generation}`,
    detailVersions: `rm_detail_versions_g${generation}`,
    timeline: `rm_timeline_g${generation}`,
    claimVersions: `rm_claim_versions_g${generation}`,
    search: `rm_search_g${generation}`,
    searchDocs: `rm_search_docs_g${generation}`,
    claimSources: `rm_claim_sources_g${generation}`,
  };
}

/** Which generation is current, the schema it was built with, and each one's checkpoint. */
export const META_SQL = `
CREATE TABLE IF NOT EXISTS rm_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rm_checkpoints (
  generation INTEGER NOT NULL,
  projection TEXT    NOT NULL,
  position   TEXT    NOT NULL,
  PRIMARY KEY (generation, projection)
) WITHOUT ROWID;
`;

/**
 * One generation: rows per claim, never one document per incident, so a batch writes only what
 * it changed. `sort_key` is the position zero-padded to 20 digits (positions may exceed 2^53, so
 * they are kept as text and compared as fixed-width strings). `reported_key` is the entry's
 * world-time sort key (domain/world-time.ts, timelineSortKey) and `recorded_key` its recordedAt,
 * as UTC ISO text (sorts as time). `seq` is a claim's place in first-reported order.
 * - incidents: the view's incident fields (`details_json`, in view order) and the list summary;
 * - claims: each claim as the view shows it, with its search document's rowid; casualty_sources: each live casualty figure;
 * - detail_versions: the incident fields after each event that changed them, for time travel;
 * - timeline: every event (its entry); claim_versions: each claim after each event that changed
 *   it; `in_history` 0 for a claim an event about another claim changed (a retraction clearing
 *   `disputed`), a version time travel reads but the claim's history does not show. Indexed by
 *   revision (time travel to N looks up only the claims changed after N) and by kind (the
 *   casualty claims at N, parsed for the ranges). A version's event ref is not stored again:
 *   it is the head of the timeline entry at the same revision (`versionRefJson`).
 * Rows about a claim are keyed by its `seq`, not its id: ids are random (UUIDs), so a key on
 * them scatters a batch's inserts over as many leaf pages as it has claims, where seqs grow and
 * a batch's new claims land on the last page or two of each b-tree (catch-up of 20,000 events
 * with UUID ids: 1.6 WAL frames per event by claim id).
 */
export function createGenerationSql(generation: number): string {
  const t = generationTables(generation);
  return `
CREATE TABLE ${t.incidents} (
  incident_id  TEXT PRIMARY KEY,
  status       TEXT    NOT NULL,
  tags_json    TEXT    NOT NULL,
  search_text  TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  revision     INTEGER NOT NULL,
  sort_key     TEXT    NOT NULL,
  claim_count  INTEGER NOT NULL,
  details_json TEXT    NOT NULL,
  summary_json TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX ${t.incidents}_recent ON ${t.incidents} (sort_key);
CREATE INDEX ${t.incidents}_status ON ${t.incidents} (status, sort_key);
CREATE TABLE ${t.claims} (
  incident_id TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  claim_id    TEXT    NOT NULL,
  claim_json  TEXT    NOT NULL,
  search_doc  INTEGER NOT NULL,
  PRIMARY KEY (incident_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX ${t.claims}_id ON ${t.claims} (incident_id, claim_id);
CREATE TABLE ${t.casualtySources} (
  incident_id TEXT    NOT NULL,
  claim_seq   INTEGER NOT NULL,
  figure      INTEGER NOT NULL,
  measure     TEXT    NOT NULL,
  grp         TEXT    NOT NULL,
  min         INTEGER NOT NULL,
  max         INTEGER,
  reported_ms REAL    NOT NULL,
  source_json TEXT    NOT NULL,
  disputed    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (incident_id, claim_seq, figure)
) WITHOUT ROWID;
CREATE TABLE ${t.detailVersions} (
  incident_id  TEXT    NOT NULL,
  revision     INTEGER NOT NULL,
  details_json TEXT    NOT NULL,
  PRIMARY KEY (incident_id, revision)
) WITHOUT ROWID;
CREATE TABLE ${t.timeline} (
  incident_id  TEXT    NOT NULL,
  revision     INTEGER NOT NULL,
  reported_key TEXT    NOT NULL,
  recorded_key TEXT    NOT NULL,
  entry_json   TEXT    NOT NULL,
  PRIMARY KEY (incident_id, revision)
) WITHOUT ROWID;
CREATE INDEX ${t.timeline}_reported ON ${t.timeline} (incident_id, reported_key, revision);
CREATE INDEX ${t.timeline}_recorded ON ${t.timeline} (incident_id, recorded_key);
CREATE TABLE ${t.claimVersions} (
  incident_id TEXT    NOT NULL,
  claim_id    TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  claim_seq   INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  claim_json  TEXT    NOT NULL,
  in_history  INTEGER NOT NULL,
  PRIMARY KEY (incident_id, claim_seq, revision)
) WITHOUT ROWID;
CREATE INDEX ${t.claimVersions}_revision ON ${t.claimVersions} (incident_id, revision, claim_seq);
CREATE INDEX ${t.claimVersions}_kind ON ${t.claimVersions} (incident_id, kind);
${searchTablesSql(t.search, t.searchDocs)}${sourceTablesSql(t.claimSources)}`;
}

export function dropGenerationSql(generation: number): string {
  const t = generationTables(generation);
  return Object.values(t)
    .map((table) => `DROP TABLE IF EXISTS ${table};`)
    .join('\n');
}

/**
 * SQL for the event ref (`eventRef`, as JSON) of the timeline row `alias`: an entry is that ref's
 * JSON with `summary` and `data` after it (timelineEntryJson), and `,"summary":` cannot occur
 * earlier, since a quote inside a JSON string is escaped. A claim version joins the entry at its
 * revision for it, instead of storing a copy (~230 bytes per event).
 */
export function versionRefJson(alias: string): string {
  return `substr(${alias}.entry_json, 1, instr(${alias}.entry_json, ',"summary":') - 1) || '}'`;
}

/** A position as a fixed-width string, so SQL orders positions as numbers. */
export function sortKeyOf(position: string): string {
  return position.padStart(20, '0');
}
