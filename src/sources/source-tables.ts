/**
 * Per claim, one row per source its current attribution chain names (kind and case-folded
 * name), with the claim's flags: GET /sources counts over these rows. `original` is 1 when the
 * source is the chain's first link, `relay` when it is a later one (both when it is both).
 */
export function sourceTablesSql(table: string): string {
  return `
CREATE TABLE ${table} (
  incident_id    TEXT    NOT NULL,
  claim_id       TEXT    NOT NULL,
  kind           TEXT    NOT NULL,
  name_key       TEXT    NOT NULL,
  name           TEXT    NOT NULL,
  seq            INTEGER NOT NULL,
  original       INTEGER NOT NULL,
  relay          INTEGER NOT NULL,
  revised        INTEGER NOT NULL,
  corrected      INTEGER NOT NULL,
  disputed       INTEGER NOT NULL,
  supported      INTEGER NOT NULL,
  retracted      INTEGER NOT NULL,
  first_reported TEXT    NOT NULL,
  last_reported  TEXT    NOT NULL,
  PRIMARY KEY (incident_id, seq, kind, name_key)
) WITHOUT ROWID;
CREATE INDEX ${table}_source ON ${table} (kind, name_key, incident_id, seq);
`;
}

/** A source's name as storyline compares it: trimmed, spaces collapsed, case-folded. */
export function sourceKey(name: string): string {
  return name.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und');
}
