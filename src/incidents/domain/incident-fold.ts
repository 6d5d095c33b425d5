/**
 * IncidentFold: the incident fold with private mutable state, linear in the events it folds.
 * It applies `evolve`'s rules (the same helpers) in place: claims sit in an array in
 * first-reported order with an index by id, so an event about a claim replaces one slot instead
 * of copying every claim. Claim objects are never mutated (a change makes a new one), so the
 * states it hands out share them safely.
 */
import {
  changeClaim,
  changedDetails,
  type ClaimEvent,
  type IncidentDetails,
  InvalidIncidentStream,
  newClaim,
  openedDetails,
} from './evolve.js';
import { settledClaim } from './flags.js';
import { SharedAttributions } from './shared-attributions.js';
import type { ClaimState, IncidentState, RecordedIncidentEvent } from './state.js';

/** Read access to the claims of a fold or a state (summaries and history need only this). */
export interface ClaimReader {
  claim(claimId: string): ClaimState | undefined;
}

export class IncidentFold implements ClaimReader {
  private current: IncidentDetails | null = null;
  private readonly claims: ClaimState[] = [];
  private readonly index = new Map<string, number>();
  /** For each claim, the claims it disputes or supports: a change to it settles only those. */
  private readonly dependentsOf = new Map<string, string[]>();
  /** Ids of the claims the latest apply() created or changed. */
  private changed: string[] = [];
  /** How to undo each change since begin(), oldest first; null while not recording. */
  private journal: (() => void)[] | null = null;
  /** Equal attribution chains of the claims held once. */
  private readonly attributions = new SharedAttributions();

  /** A fold that goes on from `state` (copied: the state is not changed). */
  static from(state: IncidentState | null): IncidentFold {
    const fold = new IncidentFold();
    if (!state) return fold;
    const { claims, ...details } = state;
    fold.current = details;
    for (const claim of claims) fold.addClaim(claim);
    return fold;
  }

  /** Folds every event, in order. */
  static of(events: Iterable<RecordedIncidentEvent>): IncidentFold {
    const fold = new IncidentFold();
    for (const event of events) fold.apply(event);
    return fold;
  }

  /** The incident fields (without claims), or null before IncidentOpened. */
  details(): IncidentDetails | null {
    return this.current;
  }

  /** Revision of the latest event folded; -1 before any. */
  get revision(): number {
    return this.current?.revision ?? -1;
  }

  get claimCount(): number {
    return this.claims.length;
  }

  claim(claimId: string): ClaimState | undefined {
    const at = this.index.get(claimId);
    return at === undefined ? undefined : this.claims[at];
  }

  /** The claim's place in first-reported order (0-based). */
  claimSeq(claimId: string): number | undefined {
    return this.index.get(claimId);
  }

  /** Claims in first-reported order (read-only view of the fold's own array). */
  claimList(): readonly ClaimState[] {
    return this.claims;
  }

  /**
   * Starts a tentative run: what apply() changes from here on is undone by rollback(). The write
   * path folds a batch's decided events this way to decide the next command on them, then undoes
   * them (once appended, the stored events are folded with their positions).
   */
  begin(): void {
    this.journal = [];
  }

  /** Undoes every apply() since begin(), newest first, and stops recording. */
  rollback(): void {
    const journal = this.journal ?? [];
    this.journal = null;
    for (let i = journal.length - 1; i >= 0; i--) journal[i]();
  }

  /**
   * The current state without copying the claims: it shares the fold's own array, so it holds
   * only until the next apply() (to decide a command on; `state()` gives one to keep).
   */
  peek(): IncidentState | null {
    if (!this.current) return null;
    return { ...this.current, assessments: this.current.assessments ?? [], claims: this.claims };
  }

  /**
   * Applies one event. Throws InvalidIncidentStream, before changing anything, when the event
   * does not fit the stream (as evolve does).
   */
  apply(event: RecordedIncidentEvent): this {
    this.changed = [];
    const before = this.current;
    this.record(() => (this.current = before));
    if (event.type === 'IncidentOpened') {
      if (this.current) {
        throw new InvalidIncidentStream(`incident ${this.current.incidentId} opened twice`);
      }
      this.current = openedDetails(event);
      return this;
    }
    const details = this.current;
    if (!details) throw new InvalidIncidentStream(`${event.type} before IncidentOpened`);
    const touched = {
      ...details,
      updatedAt: event.recordedAt,
      revision: event.revision,
      position: event.position,
    };
    switch (event.type) {
      case 'IncidentDetailsRevised':
      case 'IncidentStatusChanged':
      case 'CasualtyEstimateAssessed':
        this.current = changedDetails(touched, event);
        return this;
      case 'StatementReported':
      case 'CasualtyFiguresReported':
        this.addClaim(newClaim(event));
        this.changed.push(event.data.claimId);
        break;
      default:
        this.changeClaim(event);
    }
    this.current = touched;
    return this;
  }

  /**
   * The claims the latest event created or changed: its own claim and the claims it disputes or
   * supports whose flags or corroboration followed (e.g. a retraction clears `disputed` on the
   * claims it disputed; a projection must rewrite those too).
   */
  changedClaims(): readonly string[] {
    return this.changed;
  }

  /** A state of its own (a new claims array; claim objects shared), or null before opening. */
  state(): IncidentState | null {
    if (!this.current) return null;
    return {
      ...this.current,
      assessments: this.current.assessments ?? [],
      claims: [...this.claims],
    };
  }

  private addClaim(fresh: ClaimState): void {
    const claim = this.withSharedAttribution(fresh);
    for (const by of [...claim.disputedBy, ...claim.supportedBy])
      this.noteDependent(by, claim.claimId);
    // a repeated id (never decided, but possible in a log) is found at its first place, as in evolve
    if (!this.index.has(claim.claimId)) {
      this.index.set(claim.claimId, this.claims.length);
      this.record(() => this.index.delete(claim.claimId));
    }
    this.claims.push(claim);
    this.record(() => this.claims.pop());
  }

  private setClaim(at: number, changed: ClaimState): void {
    const claim = this.withSharedAttribution(changed);
    const before = this.claims[at];
    this.claims[at] = claim;
    this.record(() => (this.claims[at] = before));
  }

  /** `claim` with the fold's one copy of its attribution chain (the same JSON). */
  private withSharedAttribution(claim: ClaimState): ClaimState {
    const attribution = this.attributions.of(claim.attribution);
    return attribution === claim.attribution ? claim : { ...claim, attribution };
  }

  private record(undo: () => void): void {
    this.journal?.push(undo);
  }

  private changeClaim(event: RecordedIncidentEvent & ClaimEvent): void {
    const at = this.index.get(event.data.claimId);
    const claim = at === undefined ? undefined : this.claims[at];
    if (at === undefined || !claim) {
      throw new InvalidIncidentStream(`${event.type} about unknown claim ${event.data.claimId}`);
    }
    const find = (claimId: string) => this.claim(claimId);
    if (event.type === 'ClaimDisputed') {
      this.noteDependent(event.data.disputedByClaimId, claim.claimId);
    }
    if (event.type === 'ClaimSupported') {
      this.noteDependent(event.data.supportedByClaimId, claim.claimId);
    }
    this.setClaim(at, settledClaim(changeClaim(claim, event), find));
    this.changed.push(claim.claimId);
    this.settleDependentsOf(claim.claimId);
  }

  private noteDependent(otherId: string, claimId: string): void {
    const dependents = this.dependentsOf.get(otherId);
    if (!dependents) {
      this.dependentsOf.set(otherId, [claimId]);
      this.record(() => this.dependentsOf.delete(otherId));
    } else if (!dependents.includes(claimId)) {
      dependents.push(claimId);
      this.record(() => dependents.pop());
    }
  }

  /** The claims `changedId` disputes or supports, settled in first-reported order (as flags.settleDependents). */
  private settleDependentsOf(changedId: string): void {
    const find = (claimId: string) => this.claim(claimId);
    const places = (this.dependentsOf.get(changedId) ?? [])
      .map((claimId) => this.index.get(claimId))
      .filter((at): at is number => at !== undefined)
      .sort((a, b) => a - b);
    for (const at of places) {
      const claim = this.claims[at];
      if (!claim) continue;
      if (claim.claimId === changedId) continue;
      const settled = settledClaim(claim, find);
      if (settled === claim) continue;
      this.setClaim(at, settled);
      this.changed.push(settled.claimId);
    }
  }
}

/** A ClaimReader over a plain state (a linear search: for single steps only). */
export function stateReader(state: IncidentState | null | undefined): ClaimReader {
  return { claim: (claimId) => state?.claims.find((claim) => claim.claimId === claimId) };
}
