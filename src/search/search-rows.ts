/**
 * The write side of the full-text index: the writer calls it, inside the batch's transaction,
 * for each claim the batch changed and for the incident's row. Each call replaces one document
 * (an incident's fields, or one claim), never the whole incident's; an unchanged document is
 * left alone.
 */
import type Database from 'better-sqlite3';
import type { IncidentDetails } from '../incidents/domain/evolve.js';
import type { ClaimState } from '../incidents/domain/state.js';
import { generationTables } from '../incidents/projections/read-model-schema.js';

interface Doc {
  body: string;
  names: string;
  recent: string;
}

/**
 * What an incident's document holds: title, summary, place name and tags (its recency is the
 * incident row's sort key, read at query time, so a new event does not rewrite the document).
 */
export function incidentDoc(details: IncidentDetails): Doc {
  const { title, summary, location, tags } = details;
  const body = [title, summary ?? '', location?.name ?? '', ...tags].join('\n');
  return { body, names: '', recent: '' };
}

/** What a claim's document holds: its text or figures' words, and its chain's names and roles. */
export function claimDoc(claim: ClaimState): Doc {
  const figures = (claim.figures ?? []).map((f) => [f.measure, f.group, f.wording ?? ''].join(' '));
  const body = [claim.text ?? '', ...figures].join('\n');
  const names = claim.attribution.map((link) => [link.name, link.role ?? ''].join(' ')).join('\n');
  return { body, names, recent: claim.reportedAt };
}

/** The docs row of the incident's own document: below every claim's seq. */
const INCIDENT_DOC = -1;

export class SearchRows {
  private readonly docOf: Database.Statement<
    [string, number],
    { doc: number; body: string | null }
  >;
  private readonly addDoc: Database.Statement<[string, number, number, string | null]>;
  private readonly setBody: Database.Statement<[string, string, number]>;
  private readonly drop: Database.Statement<[number]>;
  private readonly add: Database.Statement<[string, string, string, string, string]>;
  private readonly replace: Database.Statement<[number, string, string, string, string, string]>;

  constructor(db: Database.Database, generation: number) {
    const t = generationTables(generation);
    this.docOf = db.prepare(
      `SELECT doc, body FROM ${t.searchDocs} WHERE incident_id = ? AND claim_seq = ?`,
    );
    this.addDoc = db.prepare(
      `INSERT INTO ${t.searchDocs} (incident_id, claim_seq, doc, body) VALUES (?, ?, ?, ?)`,
    );
    this.setBody = db.prepare(
      `UPDATE ${t.searchDocs} SET body = ? WHERE incident_id = ? AND claim_seq = ?`,
    );
    this.drop = db.prepare(`DELETE FROM ${t.search} WHERE rowid = ?`);
    this.add = db.prepare(
      `INSERT INTO ${t.search} (body, names, incident_id, claim_id, recent) VALUES (?, ?, ?, ?, ?)`,
    );
    this.replace = db.prepare(
      `INSERT INTO ${t.search} (rowid, body, names, incident_id, claim_id, recent)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  /** The incident's document, rewritten only when its text changed (the docs row keeps it). */
  saveIncident(details: IncidentDetails): void {
    const { incidentId } = details;
    const doc = incidentDoc(details);
    const stored = this.docOf.get(incidentId, INCIDENT_DOC);
    if (!stored) {
      this.addDoc.run(incidentId, INCIDENT_DOC, this.insert(incidentId, '', doc), doc.body);
      return;
    }
    if (stored.body === doc.body) return;
    this.drop.run(stored.doc);
    this.replace.run(stored.doc, doc.body, doc.names, incidentId, '', doc.recent);
    this.setBody.run(doc.body, incidentId, INCIDENT_DOC);
  }

  /**
   * The claim's document (the claim at `seq`), replaced whole (the index keeps no copy to
   * compare with). `isNew`: the claim has no document yet (first folded in this batch): none is
   * looked up.
   */
  saveClaim(incidentId: string, seq: number, claim: ClaimState, isNew = false): void {
    const doc = claimDoc(claim);
    const stored = isNew ? undefined : this.docOf.get(incidentId, seq);
    if (!stored) {
      this.addDoc.run(incidentId, seq, this.insert(incidentId, claim.claimId, doc), null);
      return;
    }
    this.drop.run(stored.doc);
    this.replace.run(stored.doc, doc.body, doc.names, incidentId, claim.claimId, doc.recent);
  }

  /** A new document; FTS5 gives it the next rowid. */
  private insert(incidentId: string, claimId: string, doc: Doc): number {
    return Number(
      this.add.run(doc.body, doc.names, incidentId, claimId, doc.recent).lastInsertRowid,
    );
  }
}
