/**
 * The full-text index of one read-model generation (SQLite FTS5): one document per incident
 * (title, summary, place, tags) and one per claim (text, figure wordings and groups, and the
 * names in its attribution chain). `rm_search_docs` maps (incident, claim) to the document's
 * rowid, so a changed claim replaces only its own document.
 */
export function searchTablesSql(search: string, docs: string): string {
  return `
CREATE VIRTUAL TABLE ${search} USING fts5(
  body, names, incident_id UNINDEXED, claim_id UNINDEXED, recent UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE ${docs} (
  doc         INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL,
  claim_id    TEXT NOT NULL,
  UNIQUE (incident_id, claim_id)
);
`;
}
