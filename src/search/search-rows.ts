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
  private readonly docOf: Database.Statement<[string, string], { doc: number }>;
  private readonly addDoc: Database.Statement<[string, string]>;
  private readonly current: Database.Statement<[number], Doc>;
  private readonly drop: Database.Statement<[number]>;
  private readonly insert: Database.Statement<[number, string, string, string, string, string]>;

  constructor(db: Database.Database, generation: number) {
    const t = generationTables(generation);
    this.docOf = db.prepare(
      `SELECT doc FROM ${t.searchDocs} WHERE incident_id = ? AND claim_id = ?`,
    );
    this.addDoc = db.prepare(`INSERT INTO ${t.searchDocs} (incident_id, claim_id) VALUES (?, ?)`);
    this.current = db.prepare(`SELECT body, names, recent FROM ${t.search} WHERE rowid = ?`);
    this.drop = db.prepare(`DELETE FROM ${t.search} WHERE rowid = ?`);
    this.insert = db.prepare(
      `INSERT INTO ${t.search} (rowid, body, names, incident_id, claim_id, recent)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  saveIncident(details: IncidentDetails): void {
    this.save(details.incidentId, '', incidentDoc(details));
  }

  /** `isNew`: the claim has no document yet (first folded in this batch): none is looked up. */
  saveClaim(incidentId: string, claim: ClaimState, isNew = false): void {
    this.save(incidentId, claim.claimId, claimDoc(claim), isNew);
  }

  private save(incidentId: string, claimId: string, doc: Doc, isNew = false): void {
    let id = isNew ? undefined : this.docOf.get(incidentId, claimId)?.doc;
    if (id === undefined) {
      id = Number(this.addDoc.run(incidentId, claimId).lastInsertRowid);
    } else {
      const before = this.current.get(id);
      if (before && before.body === doc.body && before.names === doc.names) {
        if (before.recent === doc.recent) return;
      }
      this.drop.run(id);
    }
    this.insert.run(id, doc.body, doc.names, incidentId, claimId, doc.recent);
  }
}
