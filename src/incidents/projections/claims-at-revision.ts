/**
 * The claims of an incident as they were after revision N, read without touching every version
 * row: a claim no event changed after N is the same now as at N, so its current row (rm_claims)
 * is its version at N, and those rows come out of SQLite already in first-reported order (seq)
 * and already joined, as bytes. Only the claims changed after N (an index on claim_versions by
 * revision finds them) are looked up one by one for their latest version ≤ N.
 *
 * This rests on two facts of the projection: the claim row and a claim's latest version hold the
 * same JSON text (the writer stores one string in both), and `seq` is given in the order claims
 * first appear in the stream (a fold's array place), so the claims that existed at N are exactly
 * those with a seq below the first claim whose first version came after N.
 */
import type { RowSource } from './row-source.js';

/** One claim as it was at the revision: its place and view JSON. */
export interface ClaimAt {
  claimId: string;
  seq: number;
  json: string;
}

/**
 * Claim rows joined per statement. SQLite's group_concat slows down on one 24 MB value (it keeps
 * reallocating and copying the growing text) and a row per claim costs a JS object each; a few
 * thousand claims per piece keeps both small.
 */
export const CLAIMS_PER_PIECE = 4000;

/**
 * Claim rows joined per text of a streamed answer (see texts): ~60 KB, under V8's 128 KiB bound
 * for ordinary heap objects, so each is young garbage in reused memory, not a fresh allocation.
 */
export const CLAIMS_PER_TEXT = 100;

/** A run of the claims in seq order: stored rows `from` ≤ seq < `to`, or one claim's text. */
type Run = { from: number; to: number } | { text: string };

const COMMA = Buffer.from(',');

export class ClaimsAtRevision {
  private constructor(
    private readonly queries: RowSource,
    private readonly incidentId: string,
    private readonly revision: number,
    /** Seqs below this are the claims that existed at the revision. */
    readonly end: number,
    /** Those of them changed after the revision, by seq: their version at the revision. */
    private readonly changed: Map<number, ClaimAt>,
    private readonly perPiece: number,
  ) {}

  /** Call inside one read transaction with the other reads of the same answer. */
  static read(
    queries: RowSource,
    incidentId: string,
    revision: number,
    perPiece = CLAIMS_PER_PIECE,
  ): ClaimsAtRevision {
    const t = queries.tables;
    const end = firstSeqAfter(queries, incidentId, revision);
    // each claim that existed at N and changed after it, once, from the revision index alone:
    // left to itself the planner walks the primary key, every version (with its JSON) of
    // every claim below `end`, tens of MB at mid-story of a big incident
    const later = queries
      .prepare<{ claim_seq: number }>(
        `SELECT DISTINCT claim_seq FROM ${t.claimVersions} INDEXED BY ${t.claimVersions}_revision
         WHERE incident_id = ? AND revision > ? AND claim_seq < ?`,
      )
      .all(incidentId, revision, end);
    const versionAt = queries.prepare<{ claim_id: string; claim_json: string }>(
      `SELECT claim_id, claim_json FROM ${t.claimVersions}
       WHERE incident_id = ? AND claim_seq = ? AND revision <= ? ORDER BY revision DESC LIMIT 1`,
    );
    const changed = new Map<number, ClaimAt>();
    for (const { claim_seq: seq } of later) {
      const version = versionAt.get(incidentId, seq, revision);
      if (version === undefined) throw new Error(`claim seq ${seq} has no version at ${revision}`);
      changed.set(seq, { claimId: version.claim_id, seq, json: version.claim_json });
    }
    return new ClaimsAtRevision(queries, incidentId, revision, end, changed, perPiece);
  }

  /** The claim with that id as it was at the revision, undefined when it did not exist yet. */
  find(claimId: string): ClaimAt | undefined {
    const row = this.queries
      .prepare<{ seq: number; claim_json: string }>(
        `SELECT seq, claim_json FROM ${this.queries.tables.claims}
         WHERE incident_id = ? AND claim_id = ?`,
      )
      .get(this.incidentId, claimId);
    if (!row || row.seq >= this.end) return undefined;
    return this.changed.get(row.seq) ?? { claimId, seq: row.seq, json: row.claim_json };
  }

  /**
   * Every claim at the revision that names another (disputedBy or supportedBy not empty), and
   * maybe a few more. `claimView` writes those keys with bare quotes, which cannot occur inside
   * a JSON string, and disputedBy before supportedBy, so a claim naming none has this very text
   * (one LIKE pass: a third of the time of two instr() over the same 24 MB; a claim matched for
   * another reason is only parsed for nothing).
   */
  linked(): ClaimAt[] {
    const t = this.queries.tables;
    const rows = this.queries
      .prepare<{ seq: number; claim_id: string; claim_json: string }>(
        `SELECT seq, claim_id, claim_json FROM ${t.claims}
         WHERE incident_id = ? AND seq < ?
           AND claim_json NOT LIKE '%"disputedBy":[],%"supportedBy":[]%'`,
      )
      .all(this.incidentId, this.end);
    const unchanged = rows
      .filter((row) => !this.changed.has(row.seq))
      .map((row) => ({ claimId: row.claim_id, seq: row.seq, json: row.claim_json }));
    const changed = [...this.changed.values()].filter(names);
    return [...unchanged, ...changed].sort((a, b) => a.seq - b.seq);
  }

  /** The casualty claims at the revision, in seq order. */
  casualties(): ClaimAt[] {
    const t = this.queries.tables;
    return this.queries
      .prepare<{ claim_id: string; claim_seq: number; claim_json: string }>(
        // by the kind index: the planner would rather walk every version in claim_id order
        `SELECT claim_id, claim_seq, claim_json, max(revision) FROM ${t.claimVersions}
         INDEXED BY ${t.claimVersions}_kind
         WHERE incident_id = ? AND kind = 'casualties' AND revision <= ? GROUP BY claim_seq`,
      )
      .all(this.incidentId, this.revision)
      .map((row) => ({
        claimId: row.claim_id,
        seq: row.claim_seq,
        json: row.claim_json,
      }))
      .sort((a, b) => a.seq - b.seq);
  }

  /**
   * The claims' JSON joined with commas, in seq order, in pieces to concatenate: each claim at
   * the revision, or its text in `replaced` (by seq), then the `appended` texts.
   */
  pieces(
    replaced: ReadonlyMap<number, string> = new Map(),
    appended: readonly string[] = [],
  ): Buffer[] {
    const joined = this.queries.prepare<{ j: Buffer | null }>(
      `SELECT CAST(group_concat(claim_json, ',') AS BLOB) AS j FROM ${this.queries.tables.claims}
       WHERE incident_id = ? AND seq >= ? AND seq < ?`,
    );
    const parts: Buffer[] = [];
    for (const run of this.runs(replaced, appended, this.perPiece)) {
      const piece =
        'text' in run ? Buffer.from(run.text) : joined.get(this.incidentId, run.from, run.to)?.j;
      if (!piece) continue;
      if (parts.length > 0) parts.push(COMMA);
      parts.push(piece);
    }
    return parts;
  }

  /**
   * The same text as strings to write one after another (commas included), read a run of
   * CLAIMS_PER_TEXT rows at a time as the caller iterates (for an answer streamed from a read
   * snapshot: the rows must not change meanwhile).
   */
  *texts(
    replaced: ReadonlyMap<number, string> = new Map(),
    appended: readonly string[] = [],
  ): Generator<string> {
    const joined = this.queries.prepare<{ j: string | null }>(
      `SELECT group_concat(claim_json, ',') AS j FROM ${this.queries.tables.claims}
       WHERE incident_id = ? AND seq >= ? AND seq < ?`,
    );
    let first = true;
    for (const run of this.runs(replaced, appended, Math.min(this.perPiece, CLAIMS_PER_TEXT))) {
      const text = 'text' in run ? run.text : joined.get(this.incidentId, run.from, run.to)?.j;
      if (text === undefined || text === null) continue;
      // the comma on its own: joined onto a long text it would copy the text
      if (!first) yield ',';
      yield text;
      first = false;
    }
  }

  /** The claims in seq order as runs of at most `perRun` stored rows and single texts. */
  private *runs(
    replaced: ReadonlyMap<number, string>,
    appended: readonly string[],
    perRun: number,
  ): Generator<Run> {
    const texts = new Map<number, string>();
    for (const [seq, claim] of this.changed) texts.set(seq, claim.json);
    for (const [seq, text] of replaced) if (seq < this.end) texts.set(seq, text);
    let from = 0;
    for (const seq of [...[...texts.keys()].sort((a, b) => a - b), this.end]) {
      for (let at = from; at < seq; at += perRun)
        yield { from: at, to: Math.min(at + perRun, seq) };
      const text = texts.get(seq);
      if (text !== undefined) yield { text };
      from = seq + 1;
    }
    for (const text of appended) yield { text };
  }
}

/**
 * The seq of the first claim reported after revision N (one past the last seq when none was):
 * seqs follow first appearance, so a binary search over them on each one's first version.
 */
function firstSeqAfter(queries: RowSource, incidentId: string, revision: number): number {
  const t = queries.tables;
  const next =
    queries
      .prepare<{ next: number }>(
        `SELECT coalesce(max(seq) + 1, 0) AS next FROM ${t.claims} WHERE incident_id = ?`,
      )
      .get(incidentId)?.next ?? 0;
  const claimFrom = queries.prepare<{ seq: number; claim_id: string }>(
    `SELECT seq, claim_id FROM ${t.claims} WHERE incident_id = ? AND seq >= ? ORDER BY seq LIMIT 1`,
  );
  const firstVersion = queries.prepare<{ r: number | null }>(
    `SELECT min(revision) AS r FROM ${t.claimVersions} WHERE incident_id = ? AND claim_seq = ?`,
  );
  // the answer is in [low, high]: every claim below low existed at N
  let low = 0;
  let high = next;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const claim = claimFrom.get(incidentId, mid);
    if (!claim || claim.seq >= high) {
      // no claim from mid below high: any bound in that gap reads the same rows
      high = mid;
      continue;
    }
    const first = firstVersion.get(incidentId, claim.seq)?.r ?? Infinity;
    if (first > revision) high = claim.seq;
    else low = claim.seq + 1;
  }
  return low;
}

const names = (claim: ClaimAt): boolean =>
  !claim.json.includes('"disputedBy":[]') || !claim.json.includes('"supportedBy":[]');
