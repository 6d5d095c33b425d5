/**
 * The full-text index of one read-model generation (SQLite FTS5): one document per incident
 * (title, summary, place, tags) and one per claim (text, figure wordings and groups, and the
 * names in its attribution chain). A claim's document rowid is kept in its claim row
 * (`search_doc`), which is written whenever the claim changes, so a changed claim replaces only
 * its own document at no row of its own. `rm_search_docs` holds each incident's document rowid
 * and text, so a batch that did not change the incident's fields leaves it alone.
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
  incident_id TEXT    PRIMARY KEY,
  doc         INTEGER NOT NULL,
  body        TEXT    NOT NULL
) WITHOUT ROWID;
`;
}
