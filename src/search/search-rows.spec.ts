import { afterEach, describe, expect, test } from '@jest/globals';
import { openSqlite } from '../sqlite/open-sqlite.js';
import { foldAll } from '../incidents/domain/time-travel.js';
import type { ReadModelDatabase } from '../incidents/projections/read-model-database.js';
import { project, story } from '../incidents/projections/testing/project.js';
import { claimDoc, incidentDoc } from './search-rows.js';

let readModel: ReadModelDatabase | undefined;
afterEach(() => readModel?.close());

/** Every word of every event's data (old texts and titles included), a few hundred at most. */
function wordsOf(data: readonly unknown[]): string[] {
  const words = new Set(JSON.stringify(data).match(/\p{L}{3,}/gu) ?? []);
  return [...words].slice(0, 400);
}

describe('SearchRows: the index holds each document as it is now', () => {
  test.each([21, 22])('random story %i: every word finds what a fresh index finds', (seed) => {
    const incidentId = `search-${seed}`;
    const events = story(seed, 1200, incidentId);
    const projected = project(events, incidentId, seed);
    readModel = projected.readModel;
    const state = foldAll(events)!;
    // the reference: one document per claim and the incident's, indexed once from the fold
    const fresh = openSqlite(':memory:');
    try {
      fresh.exec(`CREATE VIRTUAL TABLE ref USING fts5(body, names, claim_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2')`);
      const add = fresh.prepare('INSERT INTO ref (body, names, claim_id) VALUES (?, ?, ?)');
      const incident = incidentDoc(state);
      add.run(incident.body, incident.names, '');
      for (const claim of state.claims) {
        const doc = claimDoc(claim);
        add.run(doc.body, doc.names, claim.claimId);
      }
      const search = projected.queries.tables.search;
      const found = readModel.db.prepare<[string], { claim_id: string }>(
        `SELECT claim_id FROM ${search} WHERE ${search} MATCH ? ORDER BY claim_id`,
      );
      const expected = fresh.prepare<[string], { claim_id: string }>(
        'SELECT claim_id FROM ref WHERE ref MATCH ? ORDER BY claim_id',
      );
      const words = wordsOf(events.map((event) => event.data));
      expect(words.length).toBeGreaterThan(20);
      for (const word of words) {
        const query = `"${word}"`;
        expect([word, found.all(query)]).toEqual([word, expected.all(query)]);
      }
      const docs = readModel.db.prepare(`SELECT count(*) AS n FROM ${search}`).get();
      expect(docs).toEqual({ n: state.claims.length + 1 });
    } finally {
      fresh.close();
    }
  });
});
