/**
 * The full-text index of one read-model generation (SQLite FTS5): one document per incident
 * (title, summary, place, tags) and one per claim (text, figure wordings and groups, and the
 * names in its attribution chain). `rm_search_docs` maps (incident, claim seq; -1 for the
 * incident's own document) to the document's rowid, so a changed claim replaces only its own
 * document; for an incident's document it also keeps the text, so a batch that did not change
 * the incident's fields leaves it alone. Keyed by seq, not claim id: seqs grow, so a batch's
 * new documents land on the last leaf page instead of one random page each.
 *
 * Contentless (`content=''`): the index does not keep a second copy of each document's text
 * (the claim rows have it); `contentless_unindexed` keeps the UNINDEXED columns the queries
 * read, and `contentless_delete` lets a changed document be deleted by rowid alone.
 */
export function searchTablesSql(search: string, docs: string): string {
  return `
CREATE VIRTUAL TABLE ${search} USING fts5(
  body, names, incident_id UNINDEXED, claim_id UNINDEXED, recent UNINDEXED,
  content = '', contentless_delete = 1, contentless_unindexed = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE ${docs} (
  incident_id TEXT    NOT NULL,
  claim_seq   INTEGER NOT NULL,
  doc         INTEGER NOT NULL,
  body        TEXT,
  PRIMARY KEY (incident_id, claim_seq)
) WITHOUT ROWID;
`;
}
