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

export class SearchRows {
  private readonly docOf: Database.Statement<[string], { doc: number; body: string }>;
  private readonly claimDocOf: Database.Statement<[string, number], { doc: number }>;
  private readonly addDoc: Database.Statement<[string, number, string]>;
  private readonly setBody: Database.Statement<[string, string]>;
  private readonly drop: Database.Statement<[number]>;
  private readonly add: Database.Statement<[string, string, string, string, string]>;
  private readonly replace: Database.Statement<[number, string, string, string, string, string]>;

  constructor(db: Database.Database, generation: number) {
    const t = generationTables(generation);
    this.docOf = db.prepare(`SELECT doc, body FROM ${t.searchDocs} WHERE incident_id = ?`);
    this.claimDocOf = db.prepare(
      `SELECT search_doc AS doc FROM ${t.claims} WHERE incident_id = ? AND seq = ?`,
    );
    this.addDoc = db.prepare(
      `INSERT INTO ${t.searchDocs} (incident_id, doc, body) VALUES (?, ?, ?)`,
    );
    this.setBody = db.prepare(`UPDATE ${t.searchDocs} SET body = ? WHERE incident_id = ?`);
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
    const stored = this.docOf.get(incidentId);
    if (!stored) {
      this.addDoc.run(incidentId, this.insert(incidentId, '', doc), doc.body);
      return;
    }
    if (stored.body === doc.body) return;
    this.drop.run(stored.doc);
    this.replace.run(stored.doc, doc.body, doc.names, incidentId, '', doc.recent);
    this.setBody.run(doc.body, incidentId);
  }

  /**
   * The claim's document (the claim at `seq`), replaced whole (the index keeps no copy to
   * compare with); returns its rowid, which the caller stores in the claim's row (the claim row
   * is written anyway, so a claim's document costs no row of its own). `isNew`: the claim has
   * no document yet (first folded in this batch): none is looked up.
   */
  saveClaim(incidentId: string, seq: number, claim: ClaimState, isNew = false): number {
    const doc = claimDoc(claim);
    const stored = isNew ? undefined : this.claimDocOf.get(incidentId, seq);
    if (!stored) return this.insert(incidentId, claim.claimId, doc);
    this.drop.run(stored.doc);
    this.replace.run(stored.doc, doc.body, doc.names, incidentId, claim.claimId, doc.recent);
    return stored.doc;
  }

  /** A new document; FTS5 gives it the next rowid. */
  private insert(incidentId: string, claimId: string, doc: Doc): number {
    return Number(
      this.add.run(doc.body, doc.names, incidentId, claimId, doc.recent).lastInsertRowid,
    );
  }
}
